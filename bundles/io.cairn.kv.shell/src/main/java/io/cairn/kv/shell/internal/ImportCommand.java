package io.cairn.kv.shell.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.kv.api.KvStore;
import io.cairn.shell.support.ConsoleAcl;
import io.cairn.shell.support.Failures;
import io.cairn.shell.support.Stages;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code kv:import}, like {@code consul kv import}: writes every entry of a {@code kv:export} document. Each needs
 * {@code key:write} on its key, as {@code PUT /v1/kv} does; all are checked before the first is written.
 */
@Command(scope = "kv", name = "import", description = "Writes the entries of a kv:export JSON document")
@Service
public class ImportCommand implements Action {

    @Reference
    KvStore store;

    @Reference
    AclResolver resolver;

    @Reference
    Session session;

    @Argument(index = 0, name = "data", description = "The JSON document, or @file to read it from", required = true)
    String data;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws Exception {
        String json = data;
        if (json.startsWith("@")) {
            try {
                json = Files.readString(Path.of(json.substring(1)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw Failures.fail("Failed to read file: " + e.getMessage());
            }
        }
        List<ImportDocument.Exported> entries;
        try {
            entries = ImportDocument.parse(json);
        } catch (IllegalArgumentException e) {
            throw Failures.fail(e.getMessage());
        }
        ResolvedToken token = ConsoleAcl.of(session, resolver);
        for (ImportDocument.Exported entry : entries) {
            if (!token.authorizer().keyWrite(entry.key())) {
                throw Failures.fail(token.permissionDenied("key:write", entry.key()));
            }
        }
        for (ImportDocument.Exported entry : entries) {
            Stages.await(store.put(entry.key(), entry.value(), entry.flags()),
                    "Error! Failed writing data for key " + entry.key() + ": ");
            out.println("Imported: " + entry.key());
        }
    }
}
