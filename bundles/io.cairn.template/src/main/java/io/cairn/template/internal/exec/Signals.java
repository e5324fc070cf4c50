package io.cairn.template.internal.exec;

import java.util.Locale;
import java.util.Set;

/** POSIX signal names as settings spell them ({@code SIGHUP}, {@code HUP}, {@code hup}). */
public final class Signals {
    /** The signals a child can sensibly be sent for reloading or stopping. */
    static final Set<String> KNOWN = Set.of("HUP", "INT", "QUIT", "KILL", "USR1", "USR2", "TERM", "ALRM", "WINCH",
            "CONT", "STOP", "TSTP");

    private Signals() {}

    /** The name without {@code SIG}, upper case, e.g. {@code HUP}; throws naming the accepted names otherwise. */
    public static String normalize(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        String bare = upper.startsWith("SIG") ? upper.substring(3) : upper;
        if (!KNOWN.contains(bare)) {
            throw new IllegalArgumentException("unknown signal \"" + name + "\": use one of SIGHUP, SIGINT, SIGQUIT, "
                    + "SIGKILL, SIGUSR1, SIGUSR2, SIGTERM, SIGALRM, SIGWINCH, SIGCONT, SIGSTOP, SIGTSTP");
        }
        return bare;
    }
}
