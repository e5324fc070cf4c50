package io.cairn.kv.shell.internal;

import java.io.PrintStream;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.kv.api.KvStore;
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
 * {@code kv:delete}, like {@code consul kv delete}: needs {@code key:write} on the key, and with {@code --recurse}
 * on the whole prefix ({@link io.cairn.acl.api.Authorizer#keyWritePrefix}), as {@code DELETE /v1/kv} does.
 */
@Command(scope = "kv", name = "delete", description = "Deletes a key, or every key under a prefix")
@Service
public class DeleteCommand implements Action {

    @Reference
    KvStore store;

    @Reference
    AclResolver resolver;

    @Reference
    Session session;

    @Argument(index = 0, name = "key", description = "The key, or the prefix with --recurse")
    String key = "";

    @Option(name = "--recurse", aliases = "-recurse", description = "Delete every key under the prefix")
    boolean recurse;

    @Option(name = "--cas", aliases = "-cas", description = "Delete only if the modify index is --modify-index")
    boolean cas;

    @Option(name = "--modify-index", aliases = "-modify-index", description = "Index for --cas")
    long modifyIndex;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws Exception {
        if (recurse && cas) {
            throw Failures.fail("Cannot specify both -cas and -recurse!");
        }
        if (modifyIndex != 0 && !cas) {
            throw Failures.fail("Cannot specify -modify-index without -cas!");
        }
        ResolvedToken token = ConsoleAcl.of(session, resolver);
        if (recurse) {
            if (!token.authorizer().keyWritePrefix(key)) {
                throw Failures.fail(token.permissionDenied("key:write", key));
            }
            Stages.await(store.deleteTree(key), "Error! Did not delete prefix " + key + ": ");
            out.println("Success! Deleted keys with prefix: " + key);
            return;
        }
        if (key.isEmpty()) {
            throw Failures.fail("Error! Missing KEY argument");
        }
        if (!token.authorizer().keyWrite(key)) {
            throw Failures.fail(token.permissionDenied("key:write", key));
        }
        String error = "Error! Did not delete key " + key + ": ";
        if (cas && !Stages.await(store.deleteIfIndex(key, modifyIndex), error)) {
            throw Failures.fail(error + "CAS failed");
        }
        if (!cas) {
            Stages.await(store.delete(key), error);
        }
        out.println("Success! Deleted key: " + key);
    }
}
