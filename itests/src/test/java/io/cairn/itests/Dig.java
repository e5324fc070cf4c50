package io.cairn.itests;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code dig}, as a user runs it against an agent's DNS port. */
final class Dig {
    private Dig() {
    }

    /**
     * Runs {@code dig @127.0.0.1 -p port args...} and returns what it printed; fails (never skips) when dig is
     * missing, since CI installs it.
     */
    static String run(int port, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("dig", "@127.0.0.1", "-p", Integer.toString(port)));
        cmd.addAll(args);
        Process dig;
        try {
            dig = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("dig is not installed: install bind9-dnsutils (.ci/run does)", e);
        }
        String out = new String(dig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("dig did not finish", dig.waitFor(30, TimeUnit.SECONDS));
        return out;
    }
}
