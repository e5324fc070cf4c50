package io.cairn.event.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.testing.FakeAclResolver;
import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;
import io.cairn.shell.support.testing.ConsoleSessions;

class EventCommandsTest {

    /** Keeps fired events; refuses a tag filter without a service filter, as the real service does. */
    static final class Events implements UserEvents {
        final List<UserEvent> fired = new ArrayList<>();

        @Override
        public CompletionStage<UserEvent> fire(String name, byte[] payload, String node, String service, String tag) {
            if (!tag.isEmpty() && service.isEmpty()) {
                throw new IllegalArgumentException("Cannot provide tag filter without service filter");
            }
            UserEvent event = new UserEvent(String.format("00000000-0000-0000-0000-%012d", fired.size() + 1), name,
                    payload, node, service, tag, 1, fired.size() + 1);
            fired.add(event);
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public CompletionStage<List<UserEvent>> received() {
            return CompletableFuture.completedFuture(List.copyOf(fired));
        }

        @Override
        public long changeIndex() {
            return fired.size();
        }

        @Override
        public CompletableFuture<Long> awaitChange(long afterIndex) {
            return new CompletableFuture<>();
        }
    }

    private final Events events = new Events();
    private AclResolver resolver = FakeAclResolver.disabled();
    private Session session = ConsoleSessions.empty();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private void fire(String name, String payload, String service, String tag) throws Exception {
        FireCommand fire = new FireCommand();
        fire.events = events;
        fire.resolver = resolver;
        fire.session = session;
        fire.name = name;
        fire.payload = payload;
        fire.service = service;
        fire.tag = tag;
        fire.run(out);
    }

    @Test
    void firePrintsTheIdAndListShowsWhatWasReceivedWithoutRemoteExec() throws Exception {
        fire("deploy", "v2", "", "");
        fire("_rexec", "{}", "", "");
        fire("other", "", "", "");
        assertEquals("Event ID: 00000000-0000-0000-0000-000000000001", bytes.toString().lines().findFirst().get());
        bytes.reset();
        ListCommand list = new ListCommand();
        list.events = events;
        list.resolver = resolver;
        list.session = session;
        list.name = "deploy";
        list.run(out);
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("00000000-0000-0000-0000-000000000001"), table);
        assertTrue(table.contains("v2"), table);
        assertFalse(table.contains("other"), table);
        assertFalse(table.contains("_rexec"), table);
    }

    @Test
    void refusedEventsAreConsoleErrors() {
        CommandException e = assertThrows(CommandException.class, () -> fire("x", "", "", "v1"));
        assertEquals("Error firing event: Cannot provide tag filter without service filter", e.getMessage());
    }

    /** Runs the next commands as a token that may fire and read events named deploy-* only. */
    private void actAsDeployer() {
        resolver = FakeAclResolver.denyByDefault().token("deploy-secret", "deploy-accessor",
                "event_prefix \"deploy\" { policy = \"write\" }");
        session = ConsoleSessions.withToken("deploy-secret");
    }

    @Test
    void aclAllowsFiringWhatTheTokenMayWrite() throws Exception {
        actAsDeployer();
        fire("deploy-web", "v3", "", "");
        assertEquals(List.of("deploy-web"), events.fired.stream().map(UserEvent::name).toList());
    }

    @Test
    void aclDeniedFireSendsNothing() {
        actAsDeployer();
        CommandException e = assertThrows(CommandException.class, () -> fire("restart", "", "", ""));
        assertEquals("Permission denied: token with AccessorID 'deploy-accessor' lacks permission 'event:write' on"
                + " \"restart\"", e.getNiceHelp());
        assertTrue(events.fired.isEmpty());
    }

    @Test
    void aclFiltersTheList() throws Exception {
        fire("deploy-web", "v3", "", "");
        fire("restart", "now", "", "");
        actAsDeployer();
        bytes.reset();
        ListCommand list = new ListCommand();
        list.events = events;
        list.resolver = resolver;
        list.session = session;
        list.run(out);
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("deploy-web"), table);
        assertFalse(table.contains("restart"), table);
    }
}
