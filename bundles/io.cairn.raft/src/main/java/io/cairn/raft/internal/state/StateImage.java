package io.cairn.raft.internal.state;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
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
            return toTable(Long.MAX_VALUE);
        }

        /** The table with every index above {@code ceiling} lowered to it. */
        Table toTable(long ceiling) {
            Table table = new Table();
            for (Entry e : records) {
                table.restoreRecord(e.modifyIndex() <= ceiling ? e : new Entry(e.key(), e.value(),
                        Math.min(e.createIndex(), ceiling), ceiling));
            }
            for (int i = 0; i < tombstoneKeys.length; i++) {
                table.restoreTombstone(tombstoneKeys[i], Math.min(tombstoneIndexes[i], ceiling));
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

    /** The index of the last command applied to the state this image holds. */
    public long appliedIndex() {
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
        return read(in, Long.MAX_VALUE);
    }

    /**
     * Reads an image from untrusted bytes: every length and count is checked against what is left, and nothing
     * may follow the image.
     *
     * @throws IOException with a message for the user if the bytes are not exactly one image
     */
    public static StateImage parse(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        StateImage image;
        try {
            image = read(in, bytes.length);
        } catch (EOFException | UTFDataFormatException e) {
            throw new IOException("The state image is truncated or malformed", e);
        }
        if (in.available() > 0) {
            throw new IOException("The state image has " + in.available() + " unexpected trailing bytes");
        }
        return image;
    }

    /** Reads an image of at most {@code maxBytes}: no count or length may claim more than that. */
    private static StateImage read(DataInputStream in, long maxBytes) throws IOException {
        if (in.readInt() != SNAPSHOT_MAGIC || in.readInt() != SNAPSHOT_VERSION) {
            throw new IOException("Not a Cairn state snapshot (or an unsupported version)");
        }
        long index = in.readLong();
        int tableCount = bounded(in.readInt(), maxBytes);
        List<TableImage> tables = new ArrayList<>(tableCount);
        for (int t = 0; t < tableCount; t++) {
            String name = in.readUTF();
            int recordCount = bounded(in.readInt(), maxBytes);
            List<Entry> records = new ArrayList<>(recordCount);
            for (int r = 0; r < recordCount; r++) {
                String key = in.readUTF();
                byte[] value = new byte[bounded(in.readInt(), maxBytes)];
                in.readFully(value);
                records.add(new Entry(key, value, in.readLong(), in.readLong()));
            }
            int tombCount = bounded(in.readInt(), maxBytes);
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

    /** A count or length read from an image: never negative, never more than the image could hold. */
    private static int bounded(int value, long maxBytes) throws IOException {
        if (value < 0 || value > maxBytes) {
            throw new IOException("The state image is malformed (a count of " + value + ")");
        }
        return value;
    }
}
