package io.cairn.gossip.internal.swim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cairn.coordinate.Coordinate;
import io.cairn.gossip.internal.swim.Message.Ack;
import io.cairn.gossip.internal.swim.Message.Alive;
import io.cairn.gossip.internal.swim.Message.Dead;
import io.cairn.gossip.internal.swim.Message.IndirectPing;
import io.cairn.gossip.internal.swim.Message.MemberRecord;
import io.cairn.gossip.internal.swim.Message.Nack;
import io.cairn.gossip.internal.swim.Message.Ping;
import io.cairn.gossip.internal.swim.Message.PushPull;
import io.cairn.gossip.internal.swim.Message.Query;
import io.cairn.gossip.internal.swim.Message.QueryResponse;
import io.cairn.gossip.internal.swim.Message.Suspect;
import io.cairn.gossip.internal.swim.Message.UserBroadcast;

class WireFormatTest {
    private static final Coordinate COORDINATE = new Coordinate(List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8),
            0.5, 0.001, 0.0001);

    @Test
    void everyMessageSurvivesARoundTrip() throws Exception {
        List<Message> messages = List.of(new Ping(7, "web1", "s1"), new IndirectPing(-3, "web1", "::1", 8301, true),
                new Ack(9, COORDINATE), new Ack(10, null), new Nack(11),
                new Alive(4, "s1", "127.0.0.1", 8301, Map.of("role", "consul", "dc", "dc1")),
                new Suspect(5, "web1", "s2"), new Dead(6, "web1", "web1", true),
                new PushPull("s1", true, List.of(new MemberRecord("s1", "127.0.0.2", 8301, 3, NodeState.SUSPECT,
                        Map.of("a", "b")))));
        for (Message message : messages) {
            assertEquals(message, WireFormat.decodeStream(WireFormat.packet(message)), message.toString());
        }
        UserBroadcast broadcast = new UserBroadcast("s1", 42, "user-event", "x".getBytes(StandardCharsets.UTF_8));
        UserBroadcast decoded = (UserBroadcast) WireFormat.decodeStream(WireFormat.packet(broadcast));
        assertEquals(List.of("s1", 42L, "user-event"), List.of(decoded.origin(), decoded.id(), decoded.channel()));
        assertArrayEquals(broadcast.payload(), decoded.payload());
        QueryResponse response = (QueryResponse) WireFormat.decodeStream(
                WireFormat.packet(new QueryResponse(99, "s3", new byte[] {1, 2})));
        assertEquals(List.of(99L, "s3"), List.of(response.id(), response.from()));
        assertArrayEquals(new byte[] {1, 2}, response.payload());
        Query query = new Query("s1", 43, "127.0.0.1", 8301, Duration.ofSeconds(3), "keyring-list", new byte[0]);
        Query decodedQuery = (Query) WireFormat.decodeStream(WireFormat.packet(query));
        assertEquals(Duration.ofSeconds(3), decodedQuery.timeout());
        assertEquals("keyring-list", decodedQuery.name());
    }

    @Test
    void aCompoundPacketCarriesSeveralMessagesAndOneAloneGoesPlain() throws Exception {
        Message first = new Suspect(1, "a", "b");
        Message second = new Dead(2, "c", "d", false);

        byte[] compound = WireFormat.packet(List.of(WireFormat.encode(first), WireFormat.encode(second)));
        byte[] single = WireFormat.packet(List.of(WireFormat.encode(first)));

        assertEquals(List.of(first, second), WireFormat.decodePacket(compound));
        assertArrayEquals(WireFormat.packet(first), single);
        assertEquals(List.of(first), WireFormat.decodePacket(single));
    }

    @Test
    void anythingElseIsRejected() {
        byte[] valid = WireFormat.packet(new Alive(4, "s1", "127.0.0.1", 8301, Map.of()));
        byte[] compound = WireFormat.packet(List.of(WireFormat.encode(new Nack(1)), WireFormat.encode(new Nack(2))));
        List<byte[]> invalid = List.of(
                new byte[0],
                new byte[] {2, 3, 0, 0, 0, 1},                        // another protocol version
                new byte[] {WireFormat.VERSION, 42},                  // unknown type
                Arrays.copyOf(valid, valid.length - 1),               // cut short
                Arrays.copyOf(valid, valid.length + 1),               // trailing byte
                Arrays.copyOf(compound, compound.length - 1),         // compound part cut short
                new byte[] {WireFormat.VERSION, 12, 1, 0, 1, 4},      // a compound of one
                string(WireFormat.MAX_NAME_BYTES + 1),                // a name too long
                WireFormat.packet(new Alive(1, "s1", "example.com", 8301, Map.of())),  // a host name, not an IP
                WireFormat.packet(new Alive(1, "s1", "127.0.0.1", 8301, manyTags())),  // too many tags
                WireFormat.packet(new Alive(-1, "s1", "127.0.0.1", 8301, Map.of())),   // negative incarnation
                new byte[] {WireFormat.VERSION, 6, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, (byte) 0xff, 0, 0}); // bad UTF-8
        for (byte[] packet : invalid) {
            assertThrows(MalformedMessageException.class, () -> WireFormat.decodePacket(packet),
                    Arrays.toString(packet));
        }
        byte[] hugeCount = ByteBuffer.allocate(10).put(WireFormat.VERSION).put((byte) 11).putShort((short) 1)
                .put((byte) 'a').put((byte) 0).putInt(Integer.MAX_VALUE).array();
        MalformedMessageException tooMany = assertThrows(MalformedMessageException.class,
                () -> WireFormat.decodeStream(hugeCount));
        assertTrue(tooMany.getMessage().contains("at most"), tooMany.getMessage());
    }

    private static byte[] string(int length) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + length + 8);
        buffer.put(WireFormat.VERSION).put((byte) 1).putInt(1).putShort((short) length);
        return buffer.array();
    }

    private static Map<String, String> manyTags() {
        Map<String, String> tags = new java.util.HashMap<>();
        for (int i = 0; i <= WireFormat.MAX_TAGS; i++) {
            tags.put("k" + i, "");
        }
        return Collections.unmodifiableMap(tags);
    }
}
