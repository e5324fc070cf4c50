package io.cairn.watch.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.testing.FakeAclResolver;
import io.cairn.agent.api.AgentInfo;
import io.cairn.shell.support.testing.ConsoleSessions;
import io.cairn.watch.plan.AgentWatches;
import io.cairn.watch.plan.WatchDefinition;
import io.cairn.watch.plan.WatchSpec;

class WatchCommandsTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private int reloads;

    private final AgentWatches watches = new AgentWatches() {
        @Override
        public List<WatchDefinition> running() {
            return List.of(
                    new WatchDefinition(WatchSpec.of("service").withService("web").withTags(List.of("blue"))
                            .withPassingOnly(true), List.of("/bin/notify", "-x"), null, "", Map.of(), Duration.ZERO),
                    new WatchDefinition(WatchSpec.of("nodes"), List.of(), URI.create("http://127.0.0.1:9/hook"),
                            "POST", Map.of(), Duration.ofSeconds(10)));
        }

        @Override
        public List<String> reload() {
            reloads++;
            return List.of("config file x.json, watches[0]: Must specify a single key to watch");
        }
    };

    /** This agent's identity: only its node name is asked. */
    private final AgentInfo agent = (AgentInfo) Proxy.newProxyInstance(AgentInfo.class.getClassLoader(),
            new Class<?>[] {AgentInfo.class}, (proxy, method, args) -> {
                if (!method.getName().equals("nodeName")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                return "node-1";
            });
    private AclResolver resolver = FakeAclResolver.disabled();
    private Session session = ConsoleSessions.empty();

    private ListCommand list() {
        ListCommand list = new ListCommand();
        list.watches = watches;
        list.agent = agent;
        list.resolver = resolver;
        list.session = session;
        return list;
    }

    private ReloadCommand reload() {
        ReloadCommand reload = new ReloadCommand();
        reload.watches = watches;
        reload.agent = agent;
        reload.resolver = resolver;
        reload.session = session;
        return reload;
    }

    @Test
    void listShowsWhatEachWatchWatchesAndItsHandler() throws Exception {
        ListCommand list = list();
        list.run(out);
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("service=web tag=blue passingonly"), table);
        assertTrue(table.contains("/bin/notify -x"), table);
        assertTrue(table.contains("POST http://127.0.0.1:9/hook"), table);
    }

    @Test
    void reloadReportsProblemsAndTheCount() throws Exception {
        ReloadCommand reload = reload();
        reload.run(out);
        assertEquals(1, reloads);
        assertEquals("Error: config file x.json, watches[0]: Must specify a single key to watch\n2 watch(es) running\n",
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aclAllowsReadingAndReloadingToAnAgentWriter() throws Exception {
        resolver = FakeAclResolver.denyByDefault().token("op-secret", "op-accessor",
                "agent \"node-1\" { policy = \"write\" }");
        session = ConsoleSessions.withToken("op-secret");
        list().run(out);
        reload().run(out);
        assertEquals(1, reloads);
    }

    @Test
    void aclDeniesListingWithoutAgentReadAndReloadingWithoutAgentWrite() throws Exception {
        resolver = FakeAclResolver.denyByDefault().token("reader-secret", "reader-accessor",
                "agent_prefix \"\" { policy = \"read\" }");
        session = ConsoleSessions.withToken("reader-secret");
        list().run(out);
        assertEquals("Permission denied: token with AccessorID 'reader-accessor' lacks permission 'agent:write' on"
                + " \"node-1\"", assertThrows(CommandException.class, () -> reload().run(out)).getNiceHelp());
        assertEquals(0, reloads);
        session = ConsoleSessions.empty();
        assertTrue(assertThrows(CommandException.class, () -> list().run(out)).getNiceHelp()
                .startsWith("Permission denied: anonymous token lacks permission 'agent:read' on \"node-1\"."));
    }
}
