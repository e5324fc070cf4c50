package io.cairn.exec.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cairn.agent.api.AgentIdentity;

class JobRunnerTest {

    /** A KV that stores in a map and records which session wrote what. */
    static final class FakeKv extends AgentKv {
        final Map<String, String> values = new LinkedHashMap<>();
        final List<String> sessions = new ArrayList<>();
        String refuseFrom = null;

        FakeKv() {
            super(new AgentIdentity("n", "", "dc1", false, false, "127.0.0.1", "127.0.0.1", "127.0.0.1", 1, 8600,
                    8300, 8301, 8302, Path.of("data")), () -> "");
        }

        @Override
        Optional<byte[]> get(String key, boolean consistent) {
            return Optional.ofNullable(values.get(key)).map(v -> v.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        boolean acquire(String key, byte[] value, String session) {
            if (refuseFrom != null && key.contains(refuseFrom)) {
                return false;
            }
            values.put(key, new String(value, StandardCharsets.UTF_8));
            sessions.add(session);
            return true;
        }
    }

    private final FakeKv kv = new FakeKv();
    private final List<String> log = new ArrayList<>();
    private final JobSpec.Location job = new JobSpec.Location("_rexec", "s1");

    private String outputOf(String node) {
        StringBuilder out = new StringBuilder();
        kv.values.forEach((key, value) -> {
            if (key.startsWith("_rexec/s1/" + node + "/out/")) {
                out.append(value);
            }
        });
        return out.toString();
    }

    @Test
    void acknowledgesRunsStreamsOutputAndReportsTheExitCode() throws Exception {
        kv.values.put("_rexec/s1/job", "{\"Command\":\"echo hello; echo oops >&2; exit 3\",\"Wait\":2000000000}");
        new JobRunner(kv, "n1", log::add).run(job);
        assertEquals("", kv.values.get("_rexec/s1/n1/ack"));
        assertEquals("hello\noops\n", outputOf("n1"));
        assertTrue(kv.values.containsKey("_rexec/s1/n1/out/00000"));
        assertEquals("3", kv.values.get("_rexec/s1/n1/exit"));
        assertTrue(kv.sessions.stream().allMatch("s1"::equals));
    }

    @Test
    void argsRunWithoutAShell() throws Exception {
        kv.values.put("_rexec/s1/job", "{\"Args\":[\"echo\",\"$HOME\"],\"Wait\":2000000000}");
        new JobRunner(kv, "n1", log::add).run(job);
        assertEquals("$HOME\n", outputOf("n1"));
        assertEquals("0", kv.values.get("_rexec/s1/n1/exit"));
    }

    @Test
    void aMissingJobIsNotAcknowledged() throws Exception {
        new JobRunner(kv, "n1", log::add).run(job);
        assertTrue(kv.values.isEmpty());
        assertTrue(log.get(0).contains("job spec not found"), log.get(0));
    }

    @Test
    void aFailedUploadStopsTheCommandWithExitCode255() throws Exception {
        kv.values.put("_rexec/s1/job", "{\"Command\":\"echo hi; sleep 30\",\"Wait\":2000000000}");
        kv.refuseFrom = "/out/";
        new JobRunner(kv, "n1", log::add).run(job);
        assertEquals("255", kv.values.get("_rexec/s1/n1/exit"));
    }
}
