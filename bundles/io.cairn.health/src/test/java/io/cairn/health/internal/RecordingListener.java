package io.cairn.health.internal;

import java.util.ArrayList;
import java.util.List;

import io.cairn.health.api.CheckState;
import io.cairn.health.api.CheckStateListener;

/** Remembers every call. */
final class RecordingListener implements CheckStateListener {

    final List<CheckState> changes = new ArrayList<>();
    final List<CheckState> criticalTooLong = new ArrayList<>();

    @Override
    public synchronized void checkChanged(CheckState state) {
        changes.add(state);
    }

    @Override
    public synchronized void criticalTooLong(CheckState state) {
        criticalTooLong.add(state);
    }

    synchronized CheckState lastChange() {
        return changes.get(changes.size() - 1);
    }
}
