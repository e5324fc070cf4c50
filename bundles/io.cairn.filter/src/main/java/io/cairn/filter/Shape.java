package io.cairn.filter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The declared type of the JSON data a filter runs over, standing in for the Go type go-bexpr reflects on: it
 * decides which selectors exist, which operators each accepts and how a value in the expression is coerced.
 * Scalars are Go's {@code string}, {@code int} ({@link #integer()}), {@code uint64} ({@link #unsigned()}),
 * {@code float64} ({@link #number()}) and {@code bool}; compounds are slices, string-keyed maps and structs.
 */
public abstract class Shape {
    Shape() {
    }

    /** A Go {@code string}. */
    public static Shape string() {
        return Scalar.STRING;
    }

    /** A signed Go integer ({@code int}/{@code int64}): values are read by {@code strconv.ParseInt}. */
    public static Shape integer() {
        return Scalar.INTEGER;
    }

    /** An unsigned Go integer ({@code uint64}, as Consul's indexes): values are read by {@code strconv.ParseUint}. */
    public static Shape unsigned() {
        return Scalar.UNSIGNED;
    }

    /** A Go {@code float64}. */
    public static Shape number() {
        return Scalar.NUMBER;
    }

    /** A Go {@code bool}. */
    public static Shape bool() {
        return Scalar.BOOL;
    }

    /** A JSON array (Go slice) of {@code element}; {@code null} reads as empty. */
    public static Shape list(Shape element) {
        return new ListShape(element);
    }

    /** A JSON object with arbitrary string keys (Go {@code map[string]V}); {@code null} reads as empty. */
    public static Shape map(Shape value) {
        return new MapShape(value);
    }

    /** A JSON object with declared fields (a Go struct); add them with {@link Struct#field}. */
    public static Struct struct() {
        return new Struct();
    }

    /** The scalar kinds, each with Go's coercion of a raw value. */
    static final class Scalar extends Shape {
        static final Scalar STRING = new Scalar();
        static final Scalar INTEGER = new Scalar();
        static final Scalar UNSIGNED = new Scalar();
        static final Scalar NUMBER = new Scalar();
        static final Scalar BOOL = new Scalar();

        private Scalar() {
        }
    }

    /** A slice. */
    static final class ListShape extends Shape {
        final Shape element;

        ListShape(Shape element) {
            this.element = element;
        }
    }

    /** A string-keyed map. */
    static final class MapShape extends Shape {
        final Shape value;

        MapShape(Shape value) {
            this.value = value;
        }
    }

    /**
     * A struct: selectable fields by their exact (case-sensitive) JSON names. Built once, then only read; a
     * field whose JSON member is missing or {@code null} reads as its Go zero value.
     */
    public static final class Struct extends Shape {
        private final Map<String, Shape> fields = new LinkedHashMap<>();

        Struct() {
        }

        /** Declares field {@code name} of {@code shape}; returns this struct. */
        public Struct field(String name, Shape shape) {
            fields.put(name, shape);
            return this;
        }

        Map<String, Shape> fields() {
            return Collections.unmodifiableMap(fields);
        }
    }
}
