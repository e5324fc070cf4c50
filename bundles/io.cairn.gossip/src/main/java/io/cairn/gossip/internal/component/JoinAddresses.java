package io.cairn.gossip.internal.component;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Join addresses as users write them: {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}; values
 * may hold several separated by commas. Host names are looked up.
 */
final class JoinAddresses {
    private JoinAddresses() {
    }

    /** Every address of {@code values}, split on commas, blanks dropped. */
    static List<String> split(String... values) {
        List<String> addresses = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    addresses.add(part.trim());
                }
            }
        }
        return addresses;
    }

    /**
     * @throws IllegalArgumentException naming the address and what is accepted, or the host that is not known
     */
    static InetSocketAddress resolve(String address, int defaultPort) {
        String host;
        String port = null;
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0 || close + 1 < address.length() && address.charAt(close + 1) != ':') {
                throw invalid(address);
            }
            host = address.substring(1, close);
            port = close + 1 < address.length() ? address.substring(close + 2) : null;
        } else if (address.indexOf(':') != address.lastIndexOf(':')) {
            host = address;
        } else {
            int colon = address.indexOf(':');
            host = colon < 0 ? address : address.substring(0, colon);
            port = colon < 0 ? null : address.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw invalid(address);
        }
        int number = defaultPort;
        if (port != null) {
            try {
                number = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw invalid(address);
            }
            if (number < 1 || number > 65_535) {
                throw invalid(address);
            }
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), number);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot join " + address + ": unknown host " + host, e);
        }
    }

    private static IllegalArgumentException invalid(String address) {
        return new IllegalArgumentException("invalid join address '" + address
                + "': use host, host:port, [IPv6] or [IPv6]:port with a port from 1 to 65535");
    }
}
