package io.cairn.gossip.internal.swim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Member addresses as the wire carries them: IP literals, never names (decoding must not look up DNS). */
final class Addresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private Addresses() {
    }

    /** Whether {@code host} looks like an IPv4 or IPv6 literal. */
    static boolean isLiteral(String host) {
        return IPV4.matcher(host).matches() || IPV6.matcher(host).matches();
    }

    /** {@code host:port} for an IP literal host. */
    static InetSocketAddress socket(String host, int port) {
        if (!isLiteral(host)) {
            throw new IllegalArgumentException("not an IP address: " + host);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + host, e);
        }
    }

    /** The IP literal of an address. */
    static String host(InetSocketAddress address) {
        return address.getAddress().getHostAddress();
    }
}
