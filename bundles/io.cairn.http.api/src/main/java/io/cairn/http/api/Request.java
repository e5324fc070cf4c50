package io.cairn.http.api;

import java.util.List;
import java.util.Optional;

import io.cairn.raft.api.Consistency;

import org.osgi.annotation.versioning.ProviderType;

/** An HTTP request as a handler sees it. The body is fully read before the handler runs. */
@ProviderType
public interface Request {

    /** {@code GET}, {@code PUT}, ... */
    String method();

    /** The URL-decoded path, e.g. {@code /v1/kv/a/b}. */
    String path();

    /** For a prefix route, the URL-decoded rest of the path after the prefix ({@code a/b}); else {@code ""}. */
    String argument();

    /** The first value of a query parameter; a parameter given without a value has the value {@code ""}. */
    Optional<String> param(String name);

    /** All values of a repeatable query parameter, in order. */
    List<String> params(String name);

    /**
     * A presence flag as Consul reads them: {@code ?recurse}, {@code ?recurse=}, {@code ?recurse=1} and
     * {@code ?recurse=true} all mean true.
     */
    boolean flag(String name);

    /** A parameter that must be an unsigned 64-bit integer if present; 400 naming the parameter otherwise. */
    Optional<Long> unsignedParam(String name);

    /** The consistency mode from {@code ?stale} / {@code ?consistent}; 400 if both are given. */
    Consistency consistency();

    /** The first value of a request header (case-insensitive name). */
    Optional<String> header(String name);

    /** The raw body; empty if none. */
    byte[] body();

    /**
     * The JSON body decoded into {@code type}, field names matched case-insensitively and unknown fields
     * ignored; 400 {@code Request decode failed: ...} if it is not valid JSON of that shape.
     */
    <T> T body(Class<T> type);
}
