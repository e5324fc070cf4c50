package io.cairn.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a command (the {@code bin/cairn} CLI, curl, ...) and captures what it printed. */
final class Cli {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private Cli() {
    }

    /** Runs {@code bin/cairn args...} against the agent at {@code httpAddr} (through CONSUL_HTTP_ADDR). */
    static Result cairn(String httpAddr, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(AgentProcess.CAIRN.toString());
        cmd.addAll(List.of(args));
        return run(cmd, httpAddr, null);
    }

    static Result run(List<String> cmd, String httpAddr, byte[] stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("CAIRN_HTTP_ADDR");
        if (httpAddr != null) {
            pb.environment().put("CONSUL_HTTP_ADDR", httpAddr);
        }
        Process p = pb.start();
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        if (stdin != null) {
            p.getOutputStream().write(stdin);
        }
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("command did not finish: " + cmd);
        }
        return new Result(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in; ByteArrayOutputStream buf = new ByteArrayOutputStream()) {
                in.transferTo(buf);
                return buf.toByteArray();
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }
}
