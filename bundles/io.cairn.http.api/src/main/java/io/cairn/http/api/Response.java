package io.cairn.http.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to send back. A JSON response carries the object to serialise (Jackson, with the annotations of the
 * object's class deciding the output names; {@code ?pretty} indents); a raw response carries bytes.
 */
public final class Response {
    private final int status;
    private final Object json;
    private final byte[] raw;
    private final String contentType;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Response(int status, Object json, byte[] raw, String contentType) {
        this.status = status;
        this.json = json;
        this.raw = raw;
        this.contentType = contentType;
    }

    /** 200 with {@code body} serialised as JSON ({@code null} is sent as {@code null}). */
    public static Response json(Object body) {
        return new Response(200, body, null, "application/json");
    }

    /** {@code status} with {@code body} serialised as JSON, e.g. a transaction's 409 with its errors. */
    public static Response json(int status, Object body) {
        return new Response(status, body, null, "application/json");
    }

    /** 200 with an empty body. */
    public static Response ok() {
        return new Response(200, null, new byte[0], null);
    }

    /** {@code status} with an empty body (e.g. a KV 404). */
    public static Response empty(int status) {
        return new Response(status, null, new byte[0], null);
    }

    /** 200 with raw bytes of the given content type. */
    public static Response raw(byte[] body, String contentType) {
        return new Response(200, null, body, contentType);
    }

    /**
     * {@code status} with raw bytes of the given content type ({@code null} for none), e.g. an answer relayed
     * unchanged from another agent.
     */
    public static Response raw(int status, byte[] body, String contentType) {
        return new Response(status, null, body, contentType);
    }

    /** {@code status} with a plain-text message. */
    public static Response text(int status, String message) {
        return new Response(status, null, message.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    /** Adds a response header. */
    public Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    /** Whether the body is an object to serialise as JSON. */
    public boolean isJson() {
        return raw == null;
    }

    /** The object to serialise; meaningful when {@link #isJson()}. */
    public Object jsonBody() {
        return json;
    }

    /** The raw body; meaningful when not {@link #isJson()}. */
    public byte[] rawBody() {
        return raw;
    }

    /** The content type, or {@code null} for none. */
    public String contentType() {
        return contentType;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
