package io.cairn.catalog.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Null-to-empty normalisation shared by the records of this package, so consumers never see {@code null}. */
final class Values {

    private Values() {
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** Maps are kept in key order, as Consul lists them. */
    static <V> Map<String, V> map(Map<String, V> values) {
        return values == null || values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
