package io.cairn.raft.internal.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cairn.raft.api.Entry;

/**
 * A frozen copy of the replicated tables at one applied index, and the snapshot file format.
 * <p>
 * Capturing one ({@link TableStore#capture()}) copies references only: records are immutable {@link Entry}s, so
 * the copy costs one pass over the keys, and the slow part (serialising, fsync) can run on another thread while
 * the store goes on applying commands.
 */
public final class StateImage {

    private static final int SNAPSHOT_MAGIC = 0xCA1F5AFE;
    private static final int SNAPSHOT_VERSION = 1;

    /** One table: its records, and its tombstones as parallel arrays (TreeMap's own entries are mutable). */
    record TableImage(String name, List<Entry> records, String[] tombstoneKeys, long[] tombstoneIndexes) {

        static TableImage of(String name, Table table) {
            String[] keys = new String[table.tombstones().size()];
            long[] indexes = new long[keys.length];
            int i = 0;
            for (Map.Entry<String, Long> tomb : table.tombstones().entrySet()) {
                keys[i] = tomb.getKey();
                indexes[i++] = tomb.getValue();
            }
            return new TableImage(name, new ArrayList<>(table.records().values()), keys, indexes);
        }

        Table toTable() {
            Table table = new Table();
            records.forEach(table::restoreRecord);
            for (int i = 0; i < tombstoneKeys.length; i++) {
                table.restoreTombstone(tombstoneKeys[i], tombstoneIndexes[i]);
            }
            return table;
        }
    }

    private final long appliedIndex;
    private final List<TableImage> tables;

    StateImage(long appliedIndex, List<TableImage> tables) {
        this.appliedIndex = appliedIndex;
        this.tables = tables;
    }

    long appliedIndex() {
        return appliedIndex;
    }

    List<TableImage> tables() {
        return tables;
    }

    /** Writes this image in the snapshot format {@link #read} reads. */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(SNAPSHOT_MAGIC);
        out.writeInt(SNAPSHOT_VERSION);
        out.writeLong(appliedIndex);
        out.writeInt(tables.size());
        for (TableImage table : tables) {
            out.writeUTF(table.name());
            out.writeInt(table.records().size());
            for (Entry e : table.records()) {
                out.writeUTF(e.key());
                out.writeInt(e.value().length);
                out.write(e.value());
                out.writeLong(e.createIndex());
                out.writeLong(e.modifyIndex());
            }
            out.writeInt(table.tombstoneKeys().length);
            for (int i = 0; i < table.tombstoneKeys().length; i++) {
                out.writeUTF(table.tombstoneKeys()[i]);
                out.writeLong(table.tombstoneIndexes()[i]);
            }
        }
    }

    /** Reads an image written by {@link #write}. */
    public static StateImage read(DataInputStream in) throws IOException {
        if (in.readInt() != SNAPSHOT_MAGIC || in.readInt() != SNAPSHOT_VERSION) {
            throw new IOException("Not a Cairn state snapshot (or an unsupported version)");
        }
        long index = in.readLong();
        int tableCount = in.readInt();
        List<TableImage> tables = new ArrayList<>(tableCount);
        for (int t = 0; t < tableCount; t++) {
            String name = in.readUTF();
            int recordCount = in.readInt();
            List<Entry> records = new ArrayList<>(recordCount);
            for (int r = 0; r < recordCount; r++) {
                String key = in.readUTF();
                byte[] value = new byte[in.readInt()];
                in.readFully(value);
                records.add(new Entry(key, value, in.readLong(), in.readLong()));
            }
            int tombCount = in.readInt();
            String[] keys = new String[tombCount];
            long[] indexes = new long[tombCount];
            for (int r = 0; r < tombCount; r++) {
                keys[r] = in.readUTF();
                indexes[r] = in.readLong();
            }
            tables.add(new TableImage(name, records, keys, indexes));
        }
        return new StateImage(index, tables);
    }
}
