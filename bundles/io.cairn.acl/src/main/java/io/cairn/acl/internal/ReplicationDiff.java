package io.cairn.acl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * What a secondary datacenter changes to make one of its replicated tables (policies, roles or global tokens) equal
 * the primary's, compared by ID and content hash: the IDs to store (missing here or with another hash) and the
 * IDs to delete (here but no longer in the primary), each in ID order.
 *
 * @param upserts the IDs whose primary version is to be stored
 * @param deletes the IDs to delete
 */
record ReplicationDiff(List<String> upserts, List<String> deletes) {

    ReplicationDiff {
        upserts = List.copyOf(upserts);
        deletes = List.copyOf(deletes);
    }

    /** The difference between {@code primary} and {@code local}, both hashes by ID. */
    static ReplicationDiff of(Map<String, String> primary, Map<String, String> local) {
        return new ReplicationDiff(
                primary.keySet().stream().filter(id -> !Objects.equals(primary.get(id), local.get(id))).sorted()
                        .toList(),
                local.keySet().stream().filter(id -> !primary.containsKey(id)).sorted().toList());
    }

    boolean isEmpty() {
        return upserts.isEmpty() && deletes.isEmpty();
    }

    /**
     * The commands that apply this difference, none with more than {@code batchSize} IDs: the deletes first, then
     * the {@code upserted} records (this diff's upserts, fetched), each batch made by {@code command} from
     * (records to store, IDs to delete).
     */
    <T> List<AclCommand> commands(List<T> upserted, int batchSize,
            BiFunction<List<T>, List<String>, AclCommand> command) {
        List<AclCommand> commands = new ArrayList<>();
        for (int from = 0; from < deletes.size(); from += batchSize) {
            commands.add(command.apply(List.of(), deletes.subList(from, Math.min(deletes.size(), from + batchSize))));
        }
        for (int from = 0; from < upserted.size(); from += batchSize) {
            commands.add(command.apply(upserted.subList(from, Math.min(upserted.size(), from + batchSize)),
                    List.of()));
        }
        return commands;
    }
}
