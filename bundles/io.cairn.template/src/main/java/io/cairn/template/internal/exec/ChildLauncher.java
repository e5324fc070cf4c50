package io.cairn.template.internal.exec;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Starts the supervised child. */
public interface ChildLauncher {

    /** A running child. */
    interface Child {
        long pid();

        /** Completes with the exit code when the child ends. */
        CompletableFuture<Integer> exit();

        void kill();
    }

    Child start(List<String> argv) throws IOException;

    /** Starts real processes whose stdin, stdout and stderr are ours, as consul-template's child's are. */
    static ChildLauncher processes() {
        return argv -> {
            Process process = new ProcessBuilder(argv).inheritIO().start();
            return new Child() {
                @Override
                public long pid() {
                    return process.pid();
                }

                @Override
                public CompletableFuture<Integer> exit() {
                    return process.onExit().thenApply(Process::exitValue);
                }

                @Override
                public void kill() {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            };
        };
    }
}
