package io.cairn.snapshot.archive;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code meta.json} of a snapshot archive, with Consul's field names.
 *
 * @param id      {@code <term>-<index>-<milliseconds>}, only to tell snapshots apart
 * @param size    the size of {@code state.bin} in bytes
 * @param index   the Raft index of the last command in the state
 * @param term    the Raft term it was taken in
 * @param version the archive format version, {@value #VERSION}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"Version", "ID", "Index", "Term", "Size"})
public record SnapshotMeta(@JsonProperty("ID") String id, @JsonProperty("Size") long size,
        @JsonProperty("Index") long index, @JsonProperty("Term") long term, @JsonProperty("Version") int version) {

    /** The only format version there is, as in Consul. */
    public static final int VERSION = 1;

    /** The metadata of a state of {@code size} bytes taken now at {@code index} in {@code term}. */
    public static SnapshotMeta of(long size, long index, long term, long nowMillis) {
        return new SnapshotMeta(term + "-" + index + "-" + nowMillis, size, index, term, VERSION);
    }
}
