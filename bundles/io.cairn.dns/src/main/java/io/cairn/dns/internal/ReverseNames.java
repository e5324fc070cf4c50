package io.cairn.dns.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.xbill.DNS.Name;

/** Decodes {@code d.c.b.a.in-addr.arpa.} and 32-nibble {@code ip6.arpa.} names. */
final class ReverseNames {

    private ReverseNames() {
    }

    static Optional<InetAddress> address(Name name) {
        int labels = name.labels() - 3; // in-addr / ip6, arpa, root
        if (labels != 4 && labels != 32) {
            return Optional.empty();
        }
        byte[] bytes = new byte[labels == 4 ? 4 : 16];
        try {
            for (int i = 0; i < labels; i++) {
                int value = Integer.parseInt(name.getLabelString(i), labels == 4 ? 10 : 16);
                if (labels == 4) {
                    if (value < 0 || value > 255) {
                        return Optional.empty();
                    }
                    bytes[3 - i] = (byte) value;
                } else {
                    if (value < 0 || name.getLabelString(i).length() != 1) {
                        return Optional.empty();
                    }
                    int index = 15 - i / 2;
                    bytes[index] |= (byte) (i % 2 == 0 ? value : value << 4);
                }
            }
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (NumberFormatException | UnknownHostException e) {
            return Optional.empty();
        }
    }
}
