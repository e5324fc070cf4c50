package io.cairn.kv.shell.internal;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.kv.api.KvEntry;
import io.cairn.kv.api.KvStore;
import io.cairn.kv.api.KvText;
import io.cairn.raft.api.Consistency;
import io.cairn.shell.support.ConsoleAcl;
import io.cairn.shell.support.Failures;
import io.cairn.shell.support.Stages;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code kv:get}, like {@code consul kv get}, with the ACLs of {@code GET /v1/kv}: one key needs {@code key:read}
 * on it; {@code --recurse} and {@code --keys} leave out the entries the token may not read, keys before they are cut
 * at the separator.
 */
@Command(scope = "kv", name = "get", description = "Prints a key's value, or the keys and values under a prefix")
@Service
public class GetCommand implements Action {

    private static final String QUERY_ERROR = "Error querying Consul agent: ";

    @Reference
    KvStore store;

    @Reference
    AclResolver resolver;

    @Reference
    Session session;

    @Argument(index = 0, name = "key", description = "The key, or the prefix with --recurse/--keys")
    String key = "";

    @Option(name = "--recurse", aliases = "-recurse", description = "Print every key:value under the prefix")
    boolean recurse;

    @Option(name = "--keys", aliases = "-keys", description = "Print the keys under the prefix")
    boolean keys;

    @Option(name = "--separator", aliases = "-separator", description = "Cut keys after this (with --keys)")
    String separator = "/";

    @Option(name = "--detailed", aliases = "-detailed", description = "Print the metadata too")
    boolean detailed;

    @Option(name = "--base64", aliases = "-base64", description = "Print values base64-encoded")
    boolean base64;

    @Option(name = "--stale", aliases = "-stale", description = "Let any server answer from its local state")
    boolean stale;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws Exception {
        Consistency consistency = stale ? Consistency.STALE : Consistency.DEFAULT;
        ResolvedToken token = ConsoleAcl.of(session, resolver);
        if (keys) {
            List<String> readable = Stages.await(store.keys(key, "", consistency), QUERY_ERROR).stream()
                    .filter(token.authorizer()::keyRead).toList();
            for (String k : cut(readable)) {
                out.println(k);
            }
            return;
        }
        if (recurse) {
            List<KvEntry> entries = Stages.await(store.list(key, consistency), QUERY_ERROR).stream()
                    .filter(entry -> token.authorizer().keyRead(entry.key())).toList();
            for (int i = 0; i < entries.size(); i++) {
                KvEntry entry = entries.get(i);
                if (detailed) {
                    out.println(KvText.detailed(entry, base64));
                    if (i < entries.size() - 1) {
                        out.println();
                    }
                } else {
                    out.println(entry.key() + ":" + KvText.value(entry.value(), base64));
                }
            }
            return;
        }
        if (key.isEmpty()) {
            throw Failures.fail("Error! Missing KEY argument");
        }
        if (!token.authorizer().keyRead(key)) {
            throw Failures.fail(token.permissionDenied("key:read", key));
        }
        KvEntry entry = Stages.await(store.get(key, consistency), QUERY_ERROR)
                .orElseThrow(() -> Failures.fail("Error! No key exists at: " + key));
        out.println(detailed ? KvText.detailed(entry, base64) : KvText.value(entry.value(), base64));
    }

    /** The keys cut just after the first separator past the prefix, without duplicates ({@code ?separator=}). */
    private Set<String> cut(List<String> readable) {
        Set<String> cut = new LinkedHashSet<>();
        for (String k : readable) {
            int at = separator.isEmpty() ? -1 : k.indexOf(separator, key.length());
            cut.add(at < 0 ? k : k.substring(0, at + separator.length()));
        }
        return cut;
    }
}
