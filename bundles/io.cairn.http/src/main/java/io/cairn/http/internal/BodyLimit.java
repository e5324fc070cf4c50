package io.cairn.http.internal;

import io.cairn.http.api.HttpException;

/**
 * The largest request body a route accepts and, when an agent setting sets it, that setting's name: Consul's 413
 * names it ({@code ... See https://developer.hashicorp.com/docs/agent/config/config-files#kv_max_value_size.}).
 */
record BodyLimit(int maxBytes, String setting) {
    private static final String SETTINGS_DOCS = "https://developer.hashicorp.com/docs/agent/config/config-files#";

    BodyLimit {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("a route's largest body cannot be negative: " + maxBytes);
        }
    }

    /** The 413 for a body of {@code size} bytes ({@code -1}: a chunked body that went past the limit). */
    HttpException refusal(long size) {
        return new HttpException(413, "Request body" + (size >= 0 ? "(" + size + " bytes)" : "")
                + " too large, max size: " + maxBytes + " bytes" + (setting == null ? "" : ". See " + SETTINGS_DOCS
                        + setting + "."));
    }
}
