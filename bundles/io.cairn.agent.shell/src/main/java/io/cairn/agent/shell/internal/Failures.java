package io.cairn.agent.shell.internal;

import org.apache.karaf.shell.support.CommandException;

/** Console errors shown exactly as the command-line client prints them. */
final class Failures {

    private Failures() {
    }

    /** A console error shown as {@code text} (no "Error executing command" prefix), failing the command. */
    static CommandException fail(String text) {
        return new CommandException(text, text);
    }
}
