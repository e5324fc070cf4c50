package io.cairn.kv.shell.internal;

import java.io.PrintStream;
import java.util.List;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.Authorizer;
import io.cairn.kv.api.KvEntry;
import io.cairn.kv.api.KvStore;
import io.cairn.kv.api.KvText;
import io.cairn.raft.api.Consistency;
import io.cairn.shell.support.ConsoleAcl;
import io.cairn.shell.support.Stages;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code kv:export}, like {@code consul kv export}: a JSON document {@code kv:import} reads back, without the
 * entries the token may not read ({@code key:read}), as {@code GET /v1/kv?recurse} leaves them out.
 */
@Command(scope = "kv", name = "export", description = "Prints the keys under a prefix as a JSON document")
@Service
public class ExportCommand implements Action {

    @Reference
    KvStore store;

    @Reference
    AclResolver resolver;

    @Reference
    Session session;

    @Argument(index = 0, name = "prefix", description = "Only keys starting with this (all if omitted)")
    String prefix = "";

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws Exception {
        Authorizer acl = ConsoleAcl.of(session, resolver).authorizer();
        List<KvEntry> entries = Stages.await(store.list(prefix, Consistency.DEFAULT), "Error querying Consul agent: ");
        out.println(KvText.export(entries.stream().filter(entry -> acl.keyRead(entry.key())).toList()));
    }
}
