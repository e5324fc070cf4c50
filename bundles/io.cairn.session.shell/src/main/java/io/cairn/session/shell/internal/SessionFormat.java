package io.cairn.session.shell.internal;

import java.io.PrintStream;
import java.util.List;

import io.cairn.session.api.ServiceCheck;
import io.cairn.session.api.Session;

/** How the session commands print sessions. */
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
}
