package io.cairn.http.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to send back. A JSON response carries the object to serialise (Jackson, with the annotations of the
 * object's class deciding the output names; {@code ?pretty} indents); a raw response carries bytes; a streamed
 * response carries a {@link BodyStream} whose chunks are sent as they are produced, while the client stays.
 */
public final class Response {
    private final int status;
    private final Object json;
    private final byte[] raw;
    private final String contentType;
    private final BodyStream stream;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Response(int status, Object json, byte[] raw, String contentType) {
        this(status, json, raw, contentType, null);
    }

    private Response(int status, Object json, byte[] raw, String contentType, BodyStream stream) {
        this.status = status;
        this.json = json;
        this.raw = raw;
        this.contentType = contentType;
        this.stream = stream;
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

    /**
     * 200 with a body of the given content type sent chunk by chunk as {@code body} produces it (chunked transfer
     * encoding), until it closes its sink or the client goes away; see {@link StreamSink} for the bounds kept.
     *
     * @since 1.10
     */
    public static Response stream(String contentType, BodyStream body) {
        return new Response(200, null, null, contentType, body);
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
        return raw == null && stream == null;
    }

    /**
     * The producer of a streamed body, or {@code null} when the body is JSON or raw bytes.
     *
     * @since 1.10
     */
    public BodyStream bodyStream() {
        return stream;
    }

    /** The object to serialise; meaningful when {@link #isJson()}. */
    public Object jsonBody() {
        return json;
    }

    /** The raw body; meaningful when neither {@link #isJson()} nor streamed. */
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
