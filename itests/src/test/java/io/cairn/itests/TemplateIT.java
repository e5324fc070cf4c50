package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@code cairn template} (consul-template) against a real agent: the nginx upstream of the issue rendered once,
 * a long-running renderer that follows KV and catalog changes and runs its command once per change, an
 * {@code -exec} child reloaded with SIGHUP, and templates from the agent's own config dir and from a factory
 * configuration rendered inside the agent.
 */
public class TemplateIT {
    private static final String NGINX = """
            upstream hopscotch {
            {{ range service "prod.hopscotch" }} server {{ .Address }}:{{ .Port }};
            {{ end }}}
            """;

    private static Path dir;
    private static AgentProcess agent;
    private static final List<Process> started = new ArrayList<>();

    @BeforeClass
    public static void start() throws Exception {
        dir = Files.createTempDirectory("cairn-template-it");
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("agent.tpl"), "greeting: {{ key \"agent/greeting\" }}\n");
        Files.writeString(config.resolve("templates.json"), """
                {"template": [{"source": "%s", "destination": "%s"}]}
                """.formatted(dir.resolve("agent.tpl"), dir.resolve("agent.out")));
        agent = new AgentProcess("tplnode", dir.resolve("data"), "-dev", "-config-dir", config.toString())
                .start().awaitLeader(Duration.ofSeconds(120));
        // Six prod instances on four nodes, registered out of order, and two that are not prod.
        register("web-c", "hop-1", "prod", "10.1.0.5", 8005);
        register("web-a", "hop-2", "prod", "10.1.0.2", 8002);
        register("web-b", "hop-1", "prod", "10.1.0.3", 8003);
        register("web-a", "hop-1", "prod", "10.1.0.1", 8001);
        register("web-c", "hop-0", "prod", "10.1.0.4", 8004);
        register("web-d", "hop-9", "prod", "10.1.0.6", 8006);
        register("web-a", "hop-staging", "staging", "10.9.9.1", 9001);
        register("web-e", "hop-dev", "dev", "10.9.9.2", 9002);
    }

    @AfterClass
    public static void stop() throws Exception {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        if (agent != null) {
            agent.close();
        }
    }

    private static void register(String node, String id, String tag, String address, int port) throws Exception {
        register(node, id, "hopscotch", tag, address, port);
    }

    private static void register(String node, String id, String service, String tag, String address, int port)
            throws Exception {
        String body = """
                {"Node": "%s", "Address": "10.0.0.%d",
                 "Service": {"ID": "%s", "Service": "%s", "Tags": ["%s"], "Address": "%s", "Port": %d}}
                """.formatted(node, node.charAt(node.length() - 1) - 'a' + 1, id, service, tag, address, port);
        assertEquals(200, agent.put("/v1/catalog/register", body).statusCode());
    }

    @Test
    public void onceRendersTheUpstreamOfTheSixProdInstancesByteForByte() throws Exception {
        Path template = Files.writeString(dir.resolve("nginx.tpl"), NGINX);
        Path output = dir.resolve("nginx.cfg");
        Cli.Result result = Cli.cairn(agent.httpAddr(), "template", "-template", template + ":" + output, "-once");
        assertEquals(result.stderr(), 0, result.exitCode());
        assertEquals("""
                upstream hopscotch {
                 server 10.1.0.1:8001;
                 server 10.1.0.2:8002;
                 server 10.1.0.3:8003;
                 server 10.1.0.4:8004;
                 server 10.1.0.5:8005;
                 server 10.1.0.6:8006;
                }
                """, Files.readString(output));

        Cli.Result dry = Cli.cairn(agent.httpAddr(), "template", "-template", template + ":" + output, "-once",
                "-dry");
        assertEquals(dry.stderr(), 0, dry.exitCode());
        assertEquals("> " + output + "\n" + Files.readString(output), dry.stdout());
    }

    @Test
    public void followsKvAndCatalogChangesAndRunsTheCommandOncePerChange() throws Exception {
        assertEquals(200, agent.put("/v1/kv/app/motd", "hello").statusCode());
        register("api-1", "api-a", "api", "prod", "10.2.0.1", 80);
        Path template = Files.writeString(dir.resolve("app.tpl"),
                "motd={{ key \"app/motd\" }}\n{{ range service \"api\" }}{{ .Address }} {{ end }}\n");
        Path output = dir.resolve("app.out");
        Path runs = dir.resolve("app.runs");
        // The command appends the file it was run for: a run too many or too few shows in the log's content.
        start("template", "-template", template + ":" + output + ":cat " + output + " >> " + runs);
        String first = "motd=hello\n10.2.0.1 \n";
        String second = "motd=changed\n10.2.0.1 \n";
        String third = "motd=changed\n10.2.0.1 10.2.0.2 \n";

        awaitFile(output, first::equals);
        awaitFile(runs, first::equals);

        assertEquals(200, agent.put("/v1/kv/app/motd", "changed").statusCode());
        awaitFile(output, second::equals);
        awaitFile(runs, (first + second)::equals);

        // A write that changes nothing in the output: new index, same file, so no command.
        assertEquals(200, agent.put("/v1/kv/app/motd", "changed").statusCode());
        register("api-2", "api-b", "api", "prod", "10.2.0.2", 80);
        awaitFile(output, third::equals);
        awaitFile(runs, (first + second + third)::equals);
    }

    @Test
    public void execStartsTheChildReloadsItWithSighupAndEndsWithItsExitCode() throws Exception {
        assertEquals(200, agent.put("/v1/kv/exec/config", "v1").statusCode());
        Path template = Files.writeString(dir.resolve("exec.tpl"), "{{ key \"exec/config\" }}");
        Path output = dir.resolve("exec.out");
        Path log = dir.resolve("child.log");
        Path child = Files.writeString(dir.resolve("child.sh"), """
                trap 'echo "hup $(cat %1$s)" >> %2$s' HUP
                echo "start $(cat %1$s)" >> %2$s
                while true; do sleep 0.1; done
                """.formatted(output, log));
        Process cairn = start("template", "-template", template + ":" + output, "-exec", "sh " + child);

        awaitFile(log, "start v1\n"::equals);
        assertEquals(200, agent.put("/v1/kv/exec/config", "v2").statusCode());
        awaitFile(log, "start v1\nhup v2\n"::equals);

        // SIGTERM goes on to the child, which dies of it; we end with its code (128 + 15).
        new ProcessBuilder("kill", "-TERM", Long.toString(cairn.pid())).start().waitFor();
        assertTrue("cairn template did not exit after its child", cairn.waitFor(30, TimeUnit.SECONDS));
        assertEquals(143, cairn.exitValue());
    }

    @Test
    public void theAgentRendersTemplatesFromItsConfigDirAndPicksUpNewStanzasOnReload() throws Exception {
        assertEquals(200, agent.put("/v1/kv/agent/greeting", "hi from the agent").statusCode());
        awaitFile(dir.resolve("agent.out"), "greeting: hi from the agent\n"::equals);

        Files.writeString(dir.resolve("config/more.json"), """
                {"template": {"contents": "{{ key \\"agent/greeting\\" }}!", "destination": "more.out"}}
                """);
        assertEquals(0, Cli.cairn(agent.httpAddr(), "reload").exitCode());
        awaitFile(dir.resolve("config/more.out"), "hi from the agent!"::equals);
    }

    @Test
    public void aFactoryConfigurationInEtcRendersInsideTheAgent() throws Exception {
        Path template = Files.writeString(dir.resolve("factory.tpl"), "port={{ key \"factory/port\" }}\n");
        Path output = dir.resolve("factory.out");
        // Karaf picks up etc/<factory pid>-<name>.cfg while running; the file is removed again so that other
        // agents started from this distribution do not render it.
        Path cfg = AgentProcess.ASSEMBLY.resolve("etc/io.cairn.template.file-templateit.cfg");
        try {
            Files.writeString(cfg, "source = " + template + "\ndestination = " + output + "\n");
            assertEquals(200, agent.put("/v1/kv/factory/port", "8080").statusCode());
            awaitFile(output, "port=8080\n"::equals);
        } finally {
            Files.deleteIfExists(cfg);
        }
    }

    /** Starts {@code bin/cairn args...} in the background against the agent; its output goes to a log file. */
    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(AgentProcess.CAIRN.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("cairn-template.log").toFile()));
        builder.environment().remove("CAIRN_HTTP_ADDR");
        builder.environment().put("CONSUL_HTTP_ADDR", agent.httpAddr());
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Waits up to 30 s for {@code file} to exist with content that {@code expected} accepts. */
    private static void awaitFile(Path file, Predicate<String> expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = Files.exists(file) ? Files.readString(file) : null;
            if (last != null && expected.test(last)) {
                return;
            }
            Thread.sleep(100);
        }
        String log = Files.exists(dir.resolve("cairn-template.log"))
                ? Files.readString(dir.resolve("cairn-template.log")) : "";
        throw new AssertionError(file + " never got the expected content; last: " + last
                + "\n--- cairn template log ---\n" + log + "\n--- agent ---\n" + agent.tail());
    }
}
