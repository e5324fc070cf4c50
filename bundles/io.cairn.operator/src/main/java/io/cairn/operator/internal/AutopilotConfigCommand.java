package io.cairn.operator.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.service.component.annotations.Component;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateView;
import io.cairn.raft.api.StateWriter;

/**
 * Sets autopilot's configuration through Raft: one record ({@value #KEY}) in its own table ({@value #TABLE}),
 * replaced whole, with Consul's check-and-set (the write happens only if the stored record's modify index is the
 * one given; 0 when none is stored). The result is {@code true} or {@code false} (a failed check-and-set).
 * <p>
 * Payload: a flag byte (1 with a check-and-set index, 0 without), the index (8 bytes, with the flag), then the
 * configuration's JSON.
 */
@Component(service = CommandHandler.class, property = CommandHandler.TYPE + "=" + AutopilotConfigCommand.TYPE)
public final class AutopilotConfigCommand implements CommandHandler {

    static final String TYPE = "autopilot";
    static final String TABLE = "autopilot";
    static final String KEY = "config";
    static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    /** The stored configuration with its indexes, or Consul's defaults (indexes 0) while none is stored. */
    static Stored read(StateView state) {
        Optional<Entry> entry = state.get(TABLE, KEY);
        return entry.map(e -> new Stored(AutopilotConfig.parse(e.value()), e.createIndex(), e.modifyIndex()))
                .orElse(new Stored(AutopilotConfig.DEFAULTS, 0, 0));
    }

    /** A configuration as stored, with the Raft indexes of its first and last write. */
    record Stored(AutopilotConfig config, long createIndex, long modifyIndex) {
    }

    /** The payload setting {@code config}, only if the stored modify index is {@code cas} when that is given. */
    static byte[] payload(AutopilotConfig config, OptionalLong cas) {
        byte[] json = config.encode();
        ByteBuffer buffer = ByteBuffer.allocate(1 + (cas.isPresent() ? Long.BYTES : 0) + json.length);
        buffer.put((byte) (cas.isPresent() ? 1 : 0));
        cas.ifPresent(buffer::putLong);
        return buffer.put(json).array();
    }

    @Override
    public void validate(byte[] payload) {
        parse(payload);
    }

    @Override
    public byte[] apply(byte[] payload, StateWriter state) {
        Request request = parse(payload);
        if (request.cas().isPresent() && read(state).modifyIndex() != request.cas().getAsLong()) {
            return FALSE;
        }
        state.put(TABLE, KEY, request.config().encode());
        return TRUE;
    }

    private record Request(AutopilotConfig config, OptionalLong cas) {
    }

    private static Request parse(byte[] payload) {
        if (payload.length < 1 || payload[0] > 1 || (payload[0] == 1 && payload.length < 1 + Long.BYTES)) {
            throw new IllegalArgumentException("A malformed autopilot configuration command");
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        OptionalLong cas = buffer.get() == 1 ? OptionalLong.of(buffer.getLong()) : OptionalLong.empty();
        byte[] json = Arrays.copyOfRange(payload, buffer.position(), payload.length);
        return new Request(AutopilotConfig.parse(json), cas);
    }
}
