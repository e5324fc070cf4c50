package io.cairn.gossip.internal.swim;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The bounds a pool holds what it is asked to send to: names, payloads, tags, and datagram room. */
final class Limits {
    /** Tags of one member, encoded, at most this many bytes (memberlist's limit for node metadata). */
    static final int MAX_TAG_BYTES = 512;

    private Limits() {
    }

    static void checkFits(int maxPacketBytes, Message message) {
        int size = WireFormat.encode(message).length;
        int room = maxPacketBytes - 1 - WireFormat.COMPOUND_HEADER_BYTES - WireFormat.COMPOUND_PART_BYTES;
        if (size > room) {
            throw new IllegalArgumentException("the message takes " + size + " bytes, more than the " + room
                    + " a gossip datagram has room for; send a smaller payload");
        }
    }

    static void checkName(String what, String name) {
        int bytes = name == null ? 0 : name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > WireFormat.MAX_NAME_BYTES) {
            throw new IllegalArgumentException("a " + what + " must have 1 to " + WireFormat.MAX_NAME_BYTES
                    + " bytes, not " + bytes + ": " + name);
        }
    }

    static void checkPayload(byte[] payload) {
        if (payload.length > WireFormat.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("a payload of " + payload.length + " bytes is larger than the "
                    + WireFormat.MAX_PAYLOAD_BYTES + " allowed");
        }
    }

    static void checkTags(Map<String, String> tags) {
        if (tags.size() > WireFormat.MAX_TAGS) {
            throw new IllegalArgumentException(tags.size() + " tags, at most " + WireFormat.MAX_TAGS + " allowed");
        }
        int bytes = 1;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            bytes += 4 + tag.getKey().getBytes(StandardCharsets.UTF_8).length
                    + tag.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_TAG_BYTES) {
            throw new IllegalArgumentException("the tags take " + bytes + " bytes encoded, at most " + MAX_TAG_BYTES
                    + " allowed: " + tags);
        }
    }
}
