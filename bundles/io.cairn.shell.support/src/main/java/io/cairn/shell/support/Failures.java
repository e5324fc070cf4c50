package io.cairn.shell.support;

import org.apache.karaf.shell.support.CommandException;

/** Console errors shown exactly as the command-line client prints them. */
public final class Failures {

    private Failures() {
    }

    /**
     * A console error printed verbatim as {@code text} (without Karaf's "Error executing command" prefix), failing
     * the command.
     */
    public static CommandException fail(String text) {
        return new CommandException(text, text);
    }
}
