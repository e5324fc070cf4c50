package io.cairn.raft.internal.cluster;

import java.util.Arrays;
import java.util.List;

/**
 * What servers tell each other when they join: who they are, where their Raft and join endpoints are, and the
 * Raft group they belong to (empty while they have none).
 *
 * @param node        node name, also the Raft peer id
 * @param raftAddress {@code ip:port} of the Raft endpoint
 * @param joinAddress {@code ip:port} of the join (Serf LAN) endpoint
 * @param members     peer ids of the Raft configuration this server is part of; empty if none yet
 */
public record ServerRecord(String node, String raftAddress, String joinAddress, List<String> members) {

    private static final String SEPARATOR = "\t";
    private static final String NO_MEMBERS = "-";

    public ServerRecord {
        members = List.copyOf(members);
        for (String field : List.of(node, raftAddress, joinAddress)) {
            if (field.isEmpty() || field.contains(SEPARATOR) || field.contains("\n") || field.contains(",")) {
                throw new IllegalArgumentException("Invalid server record field '" + field + "'");
            }
        }
    }

    public boolean formed() {
        return !members.isEmpty();
    }

    /** One line of the join protocol. */
    public String toLine() {
        return String.join(SEPARATOR, node, raftAddress, joinAddress,
                members.isEmpty() ? NO_MEMBERS : String.join(",", members));
    }

    public static ServerRecord parse(String line) {
        String[] f = line.split(SEPARATOR, -1);
        if (f.length != 4) {
            throw new IllegalArgumentException("Malformed server record: " + line);
        }
        List<String> members = NO_MEMBERS.equals(f[3]) ? List.of() : Arrays.asList(f[3].split(","));
        return new ServerRecord(f[0], f[1], f[2], members);
    }
}
