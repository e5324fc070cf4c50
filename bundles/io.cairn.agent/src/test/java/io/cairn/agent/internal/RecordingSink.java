package io.cairn.agent.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.cairn.http.api.StreamSink;

/** A stream sink that keeps what it is offered, as text, up to a capacity past which it drops and counts. */
final class RecordingSink implements StreamSink {
    final List<String> lines = new ArrayList<>();
    private final int capacity;
    private final List<Runnable> onClose = new ArrayList<>();
    private long dropped;
    private boolean closed;

    RecordingSink() {
        this(Integer.MAX_VALUE);
    }

    RecordingSink(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public boolean offer(byte[] chunk) {
        if (closed) {
            return false;
        }
        if (lines.size() >= capacity) {
            dropped++;
            return false;
        }
        lines.add(new String(chunk, StandardCharsets.UTF_8));
        return true;
    }

    @Override
    public long dropped() {
        return dropped;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void onClose(Runnable action) {
        onClose.add(action);
    }

    @Override
    public void close() {
        closed = true;
        onClose.forEach(Runnable::run);
    }

    /** Empties the received lines, as a client that caught up. */
    List<String> drain() {
        List<String> drained = List.copyOf(lines);
        lines.clear();
        return drained;
    }
}
