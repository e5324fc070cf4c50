package io.cairn.exec.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one remote-exec job on this node the way a Consul agent does: read the spec (stale first, then
 * consistent), acknowledge ({@code <node>/ack}), run the command with stdout and stderr merged, upload output as
 * it comes in chunks of at most {@value #CHUNK} bytes ({@code <node>/out/00000}, {@code 00001}, ... in hex),
 * an empty chunk as a heartbeat whenever the command is silent for the spec's wait, and finally the exit code
 * ({@code <node>/exit}; 255 if the command could not run or an upload failed). Every key is written with the
 * job's session, so destroying the session removes them.
 */
final class JobRunner {
    static final int CHUNK = 4096;
    private static final byte[] END = new byte[0];

    private final AgentKv kv;
    private final String node;
    private final Consumer<String> log;

    JobRunner(AgentKv kv, String node, Consumer<String> log) {
        this.kv = kv;
        this.node = node;
        this.log = log;
    }

    void run(JobSpec.Location job) throws InterruptedException {
        JobSpec spec;
        try {
            Optional<byte[]> stored = kv.get(job.key("job"), false);
            if (stored.isEmpty()) {
                stored = kv.get(job.key("job"), true);
            }
            if (stored.isEmpty()) {
                log.accept("remote exec failed: job spec not found at " + job.key("job"));
                return;
            }
            spec = JobSpec.parse(stored.get());
            if (!kv.acquire(job.key(node, "ack"), new byte[0], job.session())) {
                log.accept("remote exec failed: could not acknowledge job " + job.session());
                return;
            }
        } catch (IOException e) {
            log.accept("remote exec failed: " + e.getMessage());
            return;
        }
        int exitCode = execute(job, spec);
        try {
            kv.acquire(job.key(node, "exit"), Integer.toString(exitCode).getBytes(StandardCharsets.UTF_8),
                    job.session());
        } catch (IOException e) {
            log.accept("remote exec failed to write its exit code: " + e.getMessage());
        }
    }

    private int execute(JobSpec.Location job, JobSpec spec) throws InterruptedException {
        Path scriptFile = null;
        Process process;
        try {
            List<String> command;
            if (spec.script().length > 0) {
                scriptFile = Files.createTempFile("cairn-rexec-", ".sh",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Files.write(scriptFile, spec.script());
                command = List.of("/bin/sh", "-c", scriptFile.toString());
            } else if (!spec.args().isEmpty()) {
                command = spec.args();
            } else {
                command = List.of("/bin/sh", "-c", spec.command());
            }
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            log.accept("remote exec failed to start: " + e.getMessage());
            deleteQuietly(scriptFile);
            return 255;
        }
        try {
            BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> pump(process.getInputStream(), chunks), "cairn-rexec-output");
            reader.setDaemon(true);
            reader.start();
            for (int num = 0; ; num++) {
                byte[] chunk = chunks.poll(spec.heartbeat().toNanos(), TimeUnit.NANOSECONDS);
                if (chunk == END) {
                    break;
                }
                String key = job.key(node, "out", String.format("%05x", num));
                if (!upload(key, chunk == null ? new byte[0] : chunk, job.session())) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    return 255;
                }
            }
            return process.waitFor();
        } finally {
            deleteQuietly(scriptFile);
        }
    }

    private boolean upload(String key, byte[] chunk, String session) throws InterruptedException {
        try {
            if (kv.acquire(key, chunk, session)) {
                return true;
            }
            log.accept("remote exec failed: could not write output " + key);
        } catch (IOException e) {
            log.accept("remote exec failed to write output: " + e.getMessage());
        }
        return false;
    }

    private static void pump(InputStream in, BlockingQueue<byte[]> chunks) {
        byte[] buffer = new byte[CHUNK];
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (read > 0) {
                    chunks.add(Arrays.copyOf(buffer, read));
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read has been queued
        } finally {
            chunks.add(END);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temp file left behind is harmless
            }
        }
    }
}
