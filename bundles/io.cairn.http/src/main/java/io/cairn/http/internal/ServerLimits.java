package io.cairn.http.internal;

import java.util.concurrent.TimeUnit;

/**
 * The limits that keep one client from taking the server down.
 *
 * @param maxConnsPerClient      connections one client address may hold open at once; 0 for no limit
 * @param headerTimeoutMillis    how long a request's line and headers may take to arrive, from their first byte
 * @param bodyTimeoutMillis      how long a request's body may take to arrive, from the end of its headers
 */
record ServerLimits(int maxConnsPerClient, long headerTimeoutMillis, long bodyTimeoutMillis) {
    /** Go's default for the request line and headers (Consul keeps it): 1 MiB, plus the 4 KiB Go allows on top. */
    static final int MAX_HEADER_BYTES = (1 << 20) + 4096;
    static final long DEFAULT_HEADER_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(20);
    static final long DEFAULT_BODY_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(20);

    ServerLimits {
        if (maxConnsPerClient < 0) {
            throw new IllegalArgumentException("http_max_conns_per_client cannot be negative, got "
                    + maxConnsPerClient);
        }
        if (headerTimeoutMillis <= 0 || bodyTimeoutMillis <= 0) {
            throw new IllegalArgumentException("request time limits must be positive");
        }
    }

    /** Consul's defaults: 200 connections per client. */
    static ServerLimits defaults() {
        return new ServerLimits(ClientConnectionLimit.DEFAULT_MAX_CONNS_PER_CLIENT, DEFAULT_HEADER_TIMEOUT_MILLIS,
                DEFAULT_BODY_TIMEOUT_MILLIS);
    }

    ServerLimits withMaxConnsPerClient(int max) {
        return new ServerLimits(max, headerTimeoutMillis, bodyTimeoutMillis);
    }
}
