package io.cairn.gossip.internal.swim;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cairn.coordinate.Coordinate;
import io.cairn.gossip.api.Membership;
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

/**
 * Cairn's binary encoding of {@link Message}s. A datagram or stream starts with the {@link #VERSION} byte, then
 * either one message (its type byte and fields) or a compound of several: {@code COMPOUND}, a count, and each
 * message with a two-byte length. Strings are two-byte lengths and UTF-8, integers big-endian. Decoding checks
 * every length, count and value against its bound and throws {@link MalformedMessageException} for anything
 * else, including trailing bytes.
 */
final class WireFormat {
    static final byte VERSION = 1;

    static final int MAX_NAME_BYTES = 256;
    static final int MAX_HOST_BYTES = 64;
    static final int MAX_TAGS = 64;
    static final int MAX_TAG_KEY_BYTES = 128;
    static final int MAX_TAG_VALUE_BYTES = 512;
    static final int MAX_PAYLOAD_BYTES = Membership.MAX_BROADCAST_BYTES;
    static final int MAX_COMPOUND_PARTS = 255;
    static final int MAX_PUSH_PULL_MEMBERS = 100_000;
    static final Duration MAX_QUERY_TIMEOUT = Duration.ofMinutes(10);
    /** The bytes a compound adds: its type and count, then a length before each part. */
    static final int COMPOUND_HEADER_BYTES = 3;
    static final int COMPOUND_PART_BYTES = 2;

    private static final byte PING = 1;
    private static final byte INDIRECT_PING = 2;
    private static final byte ACK = 3;
    private static final byte NACK = 4;
    private static final byte ALIVE = 5;
    private static final byte SUSPECT = 6;
    private static final byte DEAD = 7;
    private static final byte USER_BROADCAST = 8;
    private static final byte QUERY = 9;
    private static final byte QUERY_RESPONSE = 10;
    private static final byte PUSH_PULL = 11;
    private static final byte COMPOUND = 12;

    private WireFormat() {
    }

    /** One message as a datagram or stream of its own. */
    static byte[] packet(Message message) {
        byte[] body = encode(message);
        byte[] packet = new byte[body.length + 1];
        packet[0] = VERSION;
        System.arraycopy(body, 0, packet, 1, body.length);
        return packet;
    }

    /** Several encoded messages ({@link #encode}) in one datagram; one alone is sent without the compound. */
    static byte[] packet(List<byte[]> encoded) {
        if (encoded.size() == 1) {
            byte[] packet = new byte[encoded.get(0).length + 1];
            packet[0] = VERSION;
            System.arraycopy(encoded.get(0), 0, packet, 1, encoded.get(0).length);
            return packet;
        }
        if (encoded.isEmpty() || encoded.size() > MAX_COMPOUND_PARTS) {
            throw new IllegalArgumentException("a compound holds 1 to " + MAX_COMPOUND_PARTS + " messages, not "
                    + encoded.size());
        }
        return write(out -> {
            out.writeByte(VERSION);
            out.writeByte(COMPOUND);
            out.writeByte(encoded.size());
            for (byte[] part : encoded) {
                out.writeShort(part.length);
                out.write(part);
            }
        });
    }

    /** A message without the version byte, as a part of a compound packet. */
    static byte[] encode(Message message) {
        return write(out -> {
            if (message instanceof Ping m) {
                out.writeByte(PING);
                out.writeInt(m.seq());
                string(out, m.target());
                string(out, m.source());
            } else if (message instanceof IndirectPing m) {
                out.writeByte(INDIRECT_PING);
                out.writeInt(m.seq());
                string(out, m.target());
                string(out, m.host());
                out.writeShort(m.port());
                out.writeBoolean(m.nack());
            } else if (message instanceof Ack m) {
                out.writeByte(ACK);
                out.writeInt(m.seq());
                coordinate(out, m.coordinate());
            } else if (message instanceof Nack m) {
                out.writeByte(NACK);
                out.writeInt(m.seq());
            } else if (message instanceof Alive m) {
                out.writeByte(ALIVE);
                out.writeLong(m.incarnation());
                string(out, m.node());
                string(out, m.host());
                out.writeShort(m.port());
                tags(out, m.tags());
            } else if (message instanceof Suspect m) {
                out.writeByte(SUSPECT);
                out.writeLong(m.incarnation());
                string(out, m.node());
                string(out, m.from());
            } else if (message instanceof Dead m) {
                out.writeByte(DEAD);
                out.writeLong(m.incarnation());
                string(out, m.node());
                string(out, m.from());
                out.writeBoolean(m.prune());
            } else if (message instanceof UserBroadcast m) {
                out.writeByte(USER_BROADCAST);
                string(out, m.origin());
                out.writeLong(m.id());
                string(out, m.channel());
                bytes(out, m.payload());
            } else if (message instanceof Query m) {
                out.writeByte(QUERY);
                string(out, m.origin());
                out.writeLong(m.id());
                string(out, m.host());
                out.writeShort(m.port());
                out.writeInt((int) m.timeout().toMillis());
                string(out, m.name());
                bytes(out, m.payload());
            } else if (message instanceof QueryResponse m) {
                out.writeByte(QUERY_RESPONSE);
                out.writeLong(m.id());
                string(out, m.from());
                bytes(out, m.payload());
            } else if (message instanceof PushPull m) {
                out.writeByte(PUSH_PULL);
                string(out, m.from());
                out.writeBoolean(m.join());
                out.writeInt(m.members().size());
                for (MemberRecord member : m.members()) {
                    string(out, member.name());
                    string(out, member.host());
                    out.writeShort(member.port());
                    out.writeLong(member.incarnation());
                    out.writeByte(member.state().ordinal());
                    tags(out, member.tags());
                }
            } else {
                throw new IllegalArgumentException("no encoding for " + message);
            }
        });
    }

    /** The messages of a datagram: one, or each of a compound. */
    static List<Message> decodePacket(byte[] packet) throws MalformedMessageException {
        ByteBuffer in = ByteBuffer.wrap(packet);
        try {
            version(in);
            if (in.remaining() > 0 && in.get(in.position()) == COMPOUND) {
                in.get();
                int count = Byte.toUnsignedInt(in.get());
                if (count < 2) {
                    throw new MalformedMessageException("a compound of " + count + " messages");
                }
                List<Message> messages = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    int length = Short.toUnsignedInt(in.getShort());
                    if (length > in.remaining()) {
                        throw new MalformedMessageException("compound part " + i + " is cut short");
                    }
                    ByteBuffer part = in.slice(in.position(), length);
                    in.position(in.position() + length);
                    messages.add(message(part));
                }
                end(in);
                return messages;
            }
            return List.of(message(in));
        } catch (BufferUnderflowException e) {
            throw new MalformedMessageException("message cut short");
        }
    }

    /** The one message of a stream exchange. */
    static Message decodeStream(byte[] bytes) throws MalformedMessageException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            version(in);
            return message(in);
        } catch (BufferUnderflowException e) {
            throw new MalformedMessageException("message cut short");
        }
    }

    private static void version(ByteBuffer in) throws MalformedMessageException {
        byte version = in.get();
        if (version != VERSION) {
            throw new MalformedMessageException("protocol version " + version + ", this agent speaks " + VERSION);
        }
    }

    private static Message message(ByteBuffer in) throws MalformedMessageException {
        byte type = in.get();
        Message message = switch (type) {
            case PING -> new Ping(in.getInt(), string(in, MAX_NAME_BYTES), string(in, MAX_NAME_BYTES));
            case INDIRECT_PING -> new IndirectPing(in.getInt(), string(in, MAX_NAME_BYTES),
                    host(in), port(in), bool(in));
            case ACK -> new Ack(in.getInt(), coordinate(in));
            case NACK -> new Nack(in.getInt());
            case ALIVE -> new Alive(incarnation(in), string(in, MAX_NAME_BYTES), host(in),
                    port(in), tags(in));
            case SUSPECT -> new Suspect(incarnation(in), string(in, MAX_NAME_BYTES), string(in, MAX_NAME_BYTES));
            case DEAD -> new Dead(incarnation(in), string(in, MAX_NAME_BYTES), string(in, MAX_NAME_BYTES),
                    bool(in));
            case USER_BROADCAST -> new UserBroadcast(string(in, MAX_NAME_BYTES), in.getLong(),
                    string(in, MAX_NAME_BYTES), bytes(in));
            case QUERY -> new Query(string(in, MAX_NAME_BYTES), in.getLong(), host(in), port(in),
                    queryTimeout(in), string(in, MAX_NAME_BYTES), bytes(in));
            case QUERY_RESPONSE -> new QueryResponse(in.getLong(), string(in, MAX_NAME_BYTES), bytes(in));
            case PUSH_PULL -> pushPull(in);
            default -> throw new MalformedMessageException("unknown message type " + type);
        };
        end(in);
        return message;
    }

    private static PushPull pushPull(ByteBuffer in) throws MalformedMessageException {
        String from = string(in, MAX_NAME_BYTES);
        boolean join = bool(in);
        int count = in.getInt();
        if (count < 0 || count > MAX_PUSH_PULL_MEMBERS) {
            throw new MalformedMessageException("push/pull of " + count + " members, at most "
                    + MAX_PUSH_PULL_MEMBERS);
        }
        List<MemberRecord> members = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            String name = string(in, MAX_NAME_BYTES);
            String host = host(in);
            int port = port(in);
            long incarnation = incarnation(in);
            int state = Byte.toUnsignedInt(in.get());
            if (state >= NodeState.values().length) {
                throw new MalformedMessageException("member state " + state);
            }
            members.add(new MemberRecord(name, host, port, incarnation, NodeState.values()[state], tags(in)));
        }
        return new PushPull(from, join, members);
    }

    private static void end(ByteBuffer in) throws MalformedMessageException {
        if (in.hasRemaining()) {
            throw new MalformedMessageException(in.remaining() + " bytes after the message");
        }
    }

    private static long incarnation(ByteBuffer in) throws MalformedMessageException {
        long incarnation = in.getLong();
        if (incarnation < 0) {
            throw new MalformedMessageException("negative incarnation " + incarnation);
        }
        return incarnation;
    }

    private static int port(ByteBuffer in) throws MalformedMessageException {
        int port = Short.toUnsignedInt(in.getShort());
        if (port == 0) {
            throw new MalformedMessageException("port 0");
        }
        return port;
    }

    private static boolean bool(ByteBuffer in) throws MalformedMessageException {
        byte value = in.get();
        if (value != 0 && value != 1) {
            throw new MalformedMessageException("boolean " + value);
        }
        return value == 1;
    }

    private static Duration queryTimeout(ByteBuffer in) throws MalformedMessageException {
        int millis = in.getInt();
        if (millis <= 0 || millis > MAX_QUERY_TIMEOUT.toMillis()) {
            throw new MalformedMessageException("query timeout " + millis + " ms");
        }
        return Duration.ofMillis(millis);
    }

    private static String string(ByteBuffer in, int maxBytes) throws MalformedMessageException {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > maxBytes) {
            throw new MalformedMessageException("a string of " + length + " bytes, at most " + maxBytes);
        }
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in.slice(in.position(), length)).toString();
            in.position(in.position() + length);
            return text;
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException("a string that is not UTF-8");
        }
    }

    private static String host(ByteBuffer in) throws MalformedMessageException {
        String host = string(in, MAX_HOST_BYTES);
        if (!Addresses.isLiteral(host)) {
            throw new MalformedMessageException("address " + host + " is not an IP address");
        }
        return host;
    }

    private static byte[] bytes(ByteBuffer in) throws MalformedMessageException {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > MAX_PAYLOAD_BYTES) {
            throw new MalformedMessageException("a payload of " + length + " bytes, at most " + MAX_PAYLOAD_BYTES);
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static Map<String, String> tags(ByteBuffer in) throws MalformedMessageException {
        int count = Byte.toUnsignedInt(in.get());
        if (count > MAX_TAGS) {
            throw new MalformedMessageException(count + " tags, at most " + MAX_TAGS);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String key = string(in, MAX_TAG_KEY_BYTES);
            if (tags.put(key, string(in, MAX_TAG_VALUE_BYTES)) != null) {
                throw new MalformedMessageException("tag " + key + " twice");
            }
        }
        return tags;
    }

    private static Coordinate coordinate(ByteBuffer in) throws MalformedMessageException {
        if (!bool(in)) {
            return null;
        }
        int dimensions = Byte.toUnsignedInt(in.get());
        if (dimensions != Coordinate.DIMENSIONS) {
            throw new MalformedMessageException("a coordinate of " + dimensions + " dimensions, not "
                    + Coordinate.DIMENSIONS);
        }
        List<Double> vec = new ArrayList<>(dimensions);
        for (int i = 0; i < dimensions; i++) {
            vec.add(finite(in));
        }
        return new Coordinate(vec, finite(in), finite(in), finite(in));
    }

    private static double finite(ByteBuffer in) throws MalformedMessageException {
        double value = in.getDouble();
        if (!Double.isFinite(value)) {
            throw new MalformedMessageException("coordinate component " + value);
        }
        return value;
    }

    private static void string(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static void bytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static void tags(DataOutputStream out, Map<String, String> tags) throws IOException {
        out.writeByte(tags.size());
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            string(out, tag.getKey());
            string(out, tag.getValue());
        }
    }

    private static void coordinate(DataOutputStream out, Coordinate coordinate) throws IOException {
        out.writeBoolean(coordinate != null);
        if (coordinate != null) {
            out.writeByte(coordinate.vec().size());
            for (double component : coordinate.vec()) {
                out.writeDouble(component);
            }
            out.writeDouble(coordinate.error());
            out.writeDouble(coordinate.adjustment());
            out.writeDouble(coordinate.height());
        }
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }
}
