package io.cairn.session.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.testing.FakeAclResolver;
import io.cairn.raft.api.Consistency;
import io.cairn.session.api.Session;
import io.cairn.session.api.SessionBehavior;
import io.cairn.session.api.SessionRequest;
import io.cairn.session.api.Sessions;
import io.cairn.shell.support.testing.ConsoleSessions;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

class CommandsTest {

    /** Two sessions in memory; destroy removes. */
    private static final class InMemorySessions implements Sessions {
        final List<Session> all = new ArrayList<>(List.of(
                new Session("a1", "lock", "node1", Duration.ofSeconds(15), SessionBehavior.RELEASE,
                        Duration.ofSeconds(30), List.of("serfHealth"), List.of(), 3, 3),
                new Session("b2", "", "node2", Duration.ZERO, SessionBehavior.DELETE, Duration.ZERO, List.of(),
                        List.of(), 4, 4)));

        @Override
        public CompletionStage<String> create(SessionRequest request) {
            throw new UnsupportedOperationException("no command creates sessions");
        }

        @Override
        public CompletionStage<Void> destroy(String id) {
            all.removeIf(s -> s.id().equals(id));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Optional<Session>> renew(String id) {
            throw new UnsupportedOperationException("no command renews sessions");
        }

        @Override
        public CompletionStage<Optional<Session>> get(String id, Consistency consistency) {
            return CompletableFuture.completedFuture(all.stream().filter(s -> s.id().equals(id)).findFirst());
        }

        @Override
        public CompletionStage<List<Session>> list(Consistency consistency) {
            return CompletableFuture.completedFuture(List.copyOf(all));
        }

        @Override
        public CompletionStage<List<Session>> node(String node, Consistency consistency) {
            return CompletableFuture.completedFuture(all.stream().filter(s -> s.node().equals(node)).toList());
        }
    }

    private final InMemorySessions sessions = new InMemorySessions();
    private AclResolver resolver = FakeAclResolver.disabled();
    private org.apache.karaf.shell.api.console.Session console = ConsoleSessions.empty();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listShowsEverySessionOrOneNodes() throws Exception {
        ListCommand list = new ListCommand();
        list.sessions = sessions;
        list.resolver = resolver;
        list.console = console;
        list.run(out);
        assertTrue(output().contains("a1") && output().contains("b2"), output());
        assertTrue(output().contains("30s"));
        bytes.reset();
        list.node = "node2";
        list.run(out);
        assertTrue(!output().contains("a1") && output().contains("b2"), output());
    }

    @Test
    void infoShowsOneSessionOrFails() throws Exception {
        InfoCommand info = new InfoCommand();
        info.sessions = sessions;
        info.resolver = resolver;
        info.console = console;
        info.id = "a1";
        info.run(out);
        assertTrue(output().contains("Behavior:      release"), output());
        assertTrue(output().contains("LockDelay:     15000ms"), output());
        info.id = "zz";
        CommandException missing = assertThrows(CommandException.class, () -> info.run(out));
        assertEquals("Error! No session zz", missing.getMessage());
    }

    @Test
    void destroyRemovesTheSession() throws Exception {
        DestroyCommand destroy = new DestroyCommand();
        destroy.sessions = sessions;
        destroy.resolver = resolver;
        destroy.console = console;
        destroy.id = "a1";
        destroy.run(out);
        assertEquals("Success! Destroyed session: a1\n", output());
        assertEquals(List.of("b2"), sessions.all.stream().map(Session::id).toList());
    }

    /** Runs the next commands as a token that may write sessions on node1 and read them on node1 only. */
    private void actAsNode1Token() {
        resolver = FakeAclResolver.denyByDefault().token("n1-secret", "n1-accessor",
                "session \"node1\" { policy = \"write\" }\nsession \"node2\" { policy = \"deny\" }");
        console = ConsoleSessions.withToken("n1-secret");
    }

    @Test
    void aclFiltersListsAndInfo() throws Exception {
        actAsNode1Token();
        ListCommand list = new ListCommand();
        list.sessions = sessions;
        list.resolver = resolver;
        list.console = console;
        list.run(out);
        assertTrue(output().contains("a1") && !output().contains("b2"), output());
        list.node = "node2";
        bytes.reset();
        list.run(out);
        assertTrue(!output().contains("b2"), output());
        InfoCommand info = new InfoCommand();
        info.sessions = sessions;
        info.resolver = resolver;
        info.console = console;
        info.id = "b2";
        assertEquals("Error! No session b2", assertThrows(CommandException.class, () -> info.run(out)).getMessage());
    }

    @Test
    void aclDecidesDestroyBeforeAnythingChanges() throws Exception {
        actAsNode1Token();
        DestroyCommand destroy = new DestroyCommand();
        destroy.sessions = sessions;
        destroy.resolver = resolver;
        destroy.console = console;
        destroy.id = "b2";
        assertEquals("Permission denied: token with AccessorID 'n1-accessor' lacks permission 'session:write' on"
                + " \"node2\"", assertThrows(CommandException.class, () -> destroy.run(out)).getNiceHelp());
        assertEquals(List.of("a1", "b2"), sessions.all.stream().map(Session::id).toList());
        destroy.id = "a1";
        destroy.run(out);
        assertEquals(List.of("b2"), sessions.all.stream().map(Session::id).toList());
    }

    @Test
    void theAnonymousTokenSeesNoSessions() throws Exception {
        resolver = FakeAclResolver.denyByDefault();
        ListCommand list = new ListCommand();
        list.sessions = sessions;
        list.resolver = resolver;
        list.console = console;
        list.run(out);
        assertTrue(!output().contains("a1") && !output().contains("b2"), output());
    }
}
