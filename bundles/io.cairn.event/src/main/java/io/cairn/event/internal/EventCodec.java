package io.cairn.event.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.cairn.event.api.UserEvent;

/**
 * The binary form of an event, the payload of its gossip broadcast. Layout: format byte {@value #FORMAT}; ID, name, node, service and tag filter as
 * length-prefixed UTF-8; payload as length-prefixed bytes; version int; logical time long.
 */
final class EventCodec {
    static final byte FORMAT = 1;

    private EventCodec() {
    }

    static byte[] encode(UserEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            for (String text : new String[] {event.id(), event.name(), event.nodeFilter(), event.serviceFilter(),
                    event.tagFilter()}) {
                writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
            }
            writeBytes(out, event.payload());
            out.writeInt(event.version());
            out.writeLong(event.lTime());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes {@link #encode}'s output; {@link IllegalArgumentException} if it is not an event. */
    static UserEvent decode(byte[] data) {
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            byte format = in.get();
            if (format != FORMAT) {
                throw new IllegalArgumentException("Unsupported user event format " + format);
            }
            String id = text(in);
            String name = text(in);
            String nodeFilter = text(in);
            String serviceFilter = text(in);
            String tagFilter = text(in);
            byte[] payload = bytes(in);
            int version = in.getInt();
            long lTime = in.getLong();
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("Trailing bytes after user event");
            }
            return new UserEvent(id, name, payload, nodeFilter, serviceFilter, tagFilter, version, lTime);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("Truncated user event", e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static String text(ByteBuffer in) {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    /** A length-prefixed field; a length beyond what is left is refused before anything is allocated. */
    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("Truncated user event");
        }
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }
}
