package io.cairn.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.go.lang.GoJsonString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How far a prefix is replicated, kept in the destination's KV store as consul-replicate keeps it, so that a
 * replicator (Cairn's or consul-replicate itself) started again resumes instead of copying every key again: at
 * {@code <status dir>/<hex MD5 of "<source>-<destination>">}, the JSON {@code {"LastReplicated": <index>,
 * "Source": ..., "Destination": ...}} indented by two spaces as Go's {@code json.MarshalIndent} writes it.
 *
 * @param lastReplicated the source's {@code X-Consul-Index} of the last listing replicated whole
 */
public record ReplicationStatus(long lastReplicated, String source, String destination) {
    /** consul-replicate's default status dir. */
    public static final String DEFAULT_DIR = "service/consul-replicate/statuses";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Nothing replicated yet. */
    public static ReplicationStatus none(ReplicatedPrefix prefix) {
        return new ReplicationStatus(0, prefix.source(), prefix.destination());
    }

    /** The key of {@code prefix}'s status under {@code statusDir}. */
    public static String key(String statusDir, ReplicatedPrefix prefix) {
        try {
            byte[] hash = MessageDigest.getInstance("MD5").digest((prefix.source() + "-" + prefix.destination())
                    .getBytes(StandardCharsets.UTF_8));
            return statusDir.replaceAll("/+$", "") + "/" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** Reads a stored status; fields it lacks are zero or empty, as Go's decoder leaves them. */
    public static ReplicationStatus parse(byte[] json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException("a replication status is a JSON object, got " + new String(json,
                    StandardCharsets.UTF_8));
        }
        return new ReplicationStatus(Long.parseUnsignedLong(root.path("LastReplicated").asText("0")),
                root.path("Source").asText(""), root.path("Destination").asText(""));
    }

    /** The stored form. */
    public byte[] json() {
        return ("{\n  \"LastReplicated\": " + Long.toUnsignedString(lastReplicated) + ",\n  \"Source\": "
                + GoJsonString.quote(source) + ",\n  \"Destination\": " + GoJsonString.quote(destination) + "\n}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The same prefix replicated up to {@code index}. */
    public ReplicationStatus at(long index) {
        return new ReplicationStatus(index, source, destination);
    }
}
