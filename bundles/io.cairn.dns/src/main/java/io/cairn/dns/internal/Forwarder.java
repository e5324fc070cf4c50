package io.cairn.dns.internal;

import java.util.Optional;

/** Sends a question outside our domains to the configured recursors. */
interface Forwarder {

    /** The first recursor's answer to {@code query} (wire format), or empty if none answered in time. */
    Optional<byte[]> forward(byte[] query);
}
