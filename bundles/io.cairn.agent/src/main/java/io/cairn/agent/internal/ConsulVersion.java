package io.cairn.agent.internal;

/**
 * The Consul release this agent claims to be. Clients and the {@code consul} CLI compare it to enable
 * features, so it names a release whose API Cairn follows.
 */
final class ConsulVersion {
    static final String VERSION = "1.21.0";
    static final String REVISION = "cairn";
    static final String BUILD_DATE = "2025-05-06T00:00:00Z";

    private ConsulVersion() {
    }
}
