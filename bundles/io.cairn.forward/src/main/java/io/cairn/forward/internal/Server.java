package io.cairn.forward.internal;

import java.net.URI;
import java.util.Optional;

/**
 * A server of this datacenter as a client agent reaches it: its node name and where its HTTP API answers.
 *
 * @param node        the server's node name
 * @param httpAddress {@code host:port} of its HTTP API ({@code [v6]:port} for an IPv6 address)
 * @param https       whether that is its HTTPS listener
 */
record Server(String node, String httpAddress, boolean https) {

    /** A server reached over plain HTTP. */
    Server(String node, String httpAddress) {
        this(node, httpAddress, false);
    }

    /** {@link #of(String, String, boolean)} for plain HTTP. */
    static Optional<Server> of(String node, String httpAddr) {
        return of(node, httpAddr, false);
    }

    /**
     * The server a member's {@code http_addr} tag (or with {@code https} its {@code https_addr} tag,
     * {@code ip:port}) names; empty when the tag is not an address with a port from 1 to 65535.
     */
    static Optional<Server> of(String node, String httpAddr, boolean https) {
        int colon = httpAddr.lastIndexOf(':');
        if (colon <= 0 || colon == httpAddr.length() - 1) {
            return Optional.empty();
        }
        String host = httpAddr.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(httpAddr.substring(colon + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (port < 1 || port > 65_535) {
            return Optional.empty();
        }
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        Server server = new Server(node, host + ":" + port, https);
        try {
            // an authority that is no host and port (a space, an underscore) parses without a host
            return server.uri("/").getHost() == null ? Optional.empty() : Optional.of(server);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The URI of {@code pathAndQuery} (already percent-encoded, starting with {@code /}) on this server. */
    URI uri(String pathAndQuery) {
        return URI.create((https ? "https://" : "http://") + httpAddress + pathAndQuery);
    }

    @Override
    public String toString() {
        return node + " (" + (https ? "https://" : "") + httpAddress + ")";
    }
}
