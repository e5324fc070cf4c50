package io.cairn.kv.shell.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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

/** {@code kv:put}, like {@code consul kv put}: needs {@code key:write} on the key, as {@code PUT /v1/kv} does. */
@Command(scope = "kv", name = "put", description = "Sets the value of a key")
@Service
public class PutCommand implements Action {

    @Reference
    KvStore store;

    @Reference
    AclResolver resolver;

    @Reference
    Session session;

    @Argument(index = 0, name = "key", description = "The key", required = true)
    String key;

    @Argument(index = 1, name = "value", description = "The value (empty if omitted)")
    String value = "";

    @Option(name = "--flags", aliases = "-flags", description = "Unsigned 64-bit flags to store with the value")
    String flags = "0";

    @Option(name = "--cas", aliases = "-cas", description = "Write only if the key's modify index is --modify-index")
    boolean cas;

    @Option(name = "--modify-index", aliases = "-modify-index", description = "Index for --cas (0: create only)")
    long modifyIndex;

    @Option(name = "--base64", aliases = "-base64", description = "The value is base64-encoded")
    boolean base64;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws Exception {
        long flagBits;
        try {
            flagBits = Long.parseUnsignedLong(flags);
        } catch (NumberFormatException e) {
            throw Failures.fail("Error! Invalid flags " + flags + ": must be an unsigned 64-bit integer");
        }
        byte[] data;
        if (base64) {
            try {
                data = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw Failures.fail("Error! Cannot base 64 decode data: " + e.getMessage());
            }
        } else {
            data = value.getBytes(StandardCharsets.UTF_8);
        }
        ResolvedToken token = ConsoleAcl.of(session, resolver);
        if (!token.authorizer().keyWrite(key)) {
            throw Failures.fail(token.permissionDenied("key:write", key));
        }
        if (cas) {
            String error = "Error! Did not write to " + key + ": ";
            if (!Stages.await(store.checkAndSet(key, data, flagBits, modifyIndex), error)) {
                throw Failures.fail(error + "CAS failed");
            }
        } else {
            Stages.await(store.put(key, data, flagBits), "Error! Failed writing data: ");
        }
        out.println("Success! Data written to: " + key);
    }
}
