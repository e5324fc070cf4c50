package io.cairn.template.internal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ChildSupervisorTest {

    /** A child that exits when told to, or on the signals it is configured to die from. */
    static final class FakeChild implements ChildLauncher.Child {
        final long pid;
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        boolean killed;

        FakeChild(long pid) {
            this.pid = pid;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public CompletableFuture<Integer> exit() {
            return exit;
        }

        @Override
        public void kill() {
            killed = true;
            exit.complete(137);
        }
    }

    private final List<FakeChild> children = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    /** Signals on which the fake children exit, with the code they exit with. */
    private final List<String> fatal = new ArrayList<>(List.of("TERM"));

    private final ChildLauncher launcher = argv -> {
        FakeChild child = new FakeChild(100 + children.size());
        children.add(child);
        return child;
    };

    private final SignalSender signals = (pid, signal) -> {
        sent.add(signal + " " + pid);
        if (fatal.contains(signal)) {
            children.stream().filter(c -> c.pid == pid).findFirst().orElseThrow().exit.complete(143);
        }
    };

    private ChildSupervisor supervisor(String reloadSignal, String killSignal) {
        return new ChildSupervisor(new ExecSpec(ExecSpec.shell("app"), reloadSignal, killSignal,
                Duration.ofMillis(50)), launcher, signals);
    }

    @Test
    void startsOnceReloadsWithTheReloadSignalAndForwardsOthers() throws Exception {
        ChildSupervisor supervisor = supervisor("SIGHUP", "SIGTERM");
        supervisor.reload();
        assertEquals(List.of(), sent, "no child yet: nothing to reload");
        supervisor.start();
        supervisor.start();
        assertEquals(1, children.size());
        supervisor.reload();
        supervisor.forward("SIGUSR2");
        assertEquals(List.of("HUP 100", "USR2 100"), sent);
    }

    @Test
    void theChildEndingByItselfGivesItsExitCode() throws Exception {
        ChildSupervisor supervisor = supervisor("HUP", "INT");
        supervisor.start();
        assertFalse(supervisor.exited().isDone());
        children.get(0).exit.complete(3);
        assertEquals(3, supervisor.exited().join());
    }

    @Test
    void aForwardedSignalThatEndsTheChildEndsUsWithItsCode() throws Exception {
        ChildSupervisor supervisor = supervisor("HUP", "INT");
        supervisor.start();
        supervisor.forward("TERM");
        assertEquals(143, supervisor.exited().join());
    }

    @Test
    void stopSendsTheKillSignalAndKillsAfterTheTimeout() throws Exception {
        ChildSupervisor supervisor = supervisor("HUP", "TERM");
        supervisor.start();
        assertEquals(143, supervisor.stop());
        assertEquals(List.of("TERM 100"), sent);
        assertFalse(supervisor.exited().isDone(), "a child we stopped did not end by itself");

        ChildSupervisor stubborn = supervisor("HUP", "INT");
        stubborn.start();
        assertEquals(137, stubborn.stop());
        assertTrue(children.get(1).killed, "ignored SIGINT, so SIGKILL after the kill timeout");
    }

    @Test
    void withoutAReloadSignalAChangeRestartsTheChild() throws Exception {
        ChildSupervisor supervisor = supervisor("", "TERM");
        supervisor.start();
        supervisor.reload();
        assertEquals(List.of("TERM 100"), sent);
        assertEquals(2, children.size());
        assertFalse(supervisor.exited().isDone(), "the restart is not the child ending");
        children.get(1).exit.complete(0);
        assertEquals(0, supervisor.exited().join());
    }

    @Test
    void signalNamesAreCheckedAndNormalised() {
        assertEquals("HUP", Signals.normalize("sighup"));
        assertEquals("USR1", Signals.normalize("USR1"));
        assertThrows(IllegalArgumentException.class, () -> Signals.normalize("SIGBOGUS"));
    }

    @Test
    void theKillSenderReallySignalsAProcess() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            SignalSender.kill().send(sleeper.pid(), "TERM");
            assertEquals(128 + 15, sleeper.onExit().get().exitValue());
            IOException gone = assertThrows(IOException.class, () -> SignalSender.kill().send(sleeper.pid(), "HUP"));
            assertTrue(gone.getMessage().startsWith("kill -s HUP " + sleeper.pid() + " failed"), gone.getMessage());
        } finally {
            sleeper.destroyForcibly();
        }
    }
}
