package io.cairn.session.shell.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import org.apache.karaf.shell.support.CommandException;

import io.cairn.session.api.ServiceCheck;
import io.cairn.session.api.Session;

/** How the session commands print sessions, and how they wait for the service on the console thread. */
final class SessionFormat {

    private SessionFormat() {
    }

    /** One line per session: ID, node, behavior, TTL, name. */
    static void table(List<Session> sessions, PrintStream out) {
        out.printf("%-36s  %-20s  %-8s  %-8s  %s%n", "ID", "Node", "Behavior", "TTL", "Name");
        for (Session s : sessions) {
            out.printf("%-36s  %-20s  %-8s  %-8s  %s%n", s.id(), s.node(), s.behavior().text(), ttl(s), s.name());
        }
    }

    /** Every field of one session, one per line. */
    static void details(Session s, PrintStream out) {
        out.println("ID:            " + s.id());
        out.println("Name:          " + s.name());
        out.println("Node:          " + s.node());
        out.println("Behavior:      " + s.behavior().text());
        out.println("TTL:           " + ttl(s));
        out.println("LockDelay:     " + s.lockDelay().toMillis() + "ms");
        out.println("NodeChecks:    " + String.join(", ", s.nodeChecks()));
        out.println("ServiceChecks: " + String.join(", ", s.serviceChecks().stream().map(ServiceCheck::id).toList()));
        out.println("CreateIndex:   " + s.createIndex());
        out.println("ModifyIndex:   " + s.modifyIndex());
    }

    private static String ttl(Session s) {
        return s.ttl().isZero() ? "-" : s.ttl().toSeconds() + "s";
    }

    /** The stage's result; its failure becomes a console error with the cause's message. */
    static <T> T await(CompletionStage<T> stage) throws CommandException {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw fail("Error! " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail("Error! interrupted");
        }
    }

    /** A console error shown exactly as {@code text}. */
    static CommandException fail(String text) {
        return new CommandException(text, text);
    }
}
