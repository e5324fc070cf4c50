package io.cairn.catalog.shell.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.testing.FakeAclResolver;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.raft.api.Consistency;
import io.cairn.shell.support.testing.ConsoleSessions;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandsTest {

    private final FakeCatalog catalog = new FakeCatalog();
    private AclResolver resolver = FakeAclResolver.disabled();
    private Session session = ConsoleSessions.empty();
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, UTF_8);

    @BeforeEach
    void nodes() {
        catalog.add(new Node("8a619b68-1c1f-4ea1-9a5a-d5bbd4ee4a4d", "betaweb1", "10.202.2.10", "dc1",
                Map.of("wan", "1.2.3.4", "lan", "10.202.2.10"), Map.of("rack", "r1"), 5, 5),
                service("hopscotch", "hopscotch", "v2", "blue"), service("web-1", "web", "v1"),
                service("web-2", "web", "v1"));
        catalog.add(new Node("", "alpha", "10.0.0.1", "dc1", Map.of(), Map.of("rack", "r2"), 3, 3),
                service("db", "db"));
    }

    private static NodeService service(String id, String name, String... tags) {
        return new NodeService("", id, name, List.of(tags), "", Map.of(), Map.of(), 80, null, false, 0, 0);
    }

    private String out() {
        return outBytes.toString(UTF_8).replace(System.lineSeparator(), "\n");
    }

    private String err() {
        return errBytes.toString(UTF_8).replace(System.lineSeparator(), "\n");
    }

    private NodesCommand nodesCommand() {
        NodesCommand c = new NodesCommand();
        c.catalog = catalog;
        c.resolver = resolver;
        c.session = session;
        return c;
    }

    private ServicesCommand servicesCommand() {
        ServicesCommand c = new ServicesCommand();
        c.catalog = catalog;
        c.resolver = resolver;
        c.session = session;
        return c;
    }

    @Test
    void nodesOfAServiceAsInTheWalkthrough() throws Exception {
        NodesCommand c = nodesCommand();
        c.service = "hopscotch";
        c.run(out, err);
        assertEquals("Node      ID        Address      DC\n"
                + "betaweb1  8a619b68  10.202.2.10  dc1\n", out());
        assertEquals(Consistency.DEFAULT, catalog.lastConsistency);
    }

    @Test
    void allNodesDetailedWithMetaFilterAndStale() throws Exception {
        NodesCommand c = nodesCommand();
        c.detailed = true;
        c.stale = true;
        c.nodeMeta = List.of("rack=r1");
        c.run(out, err);
        assertEquals("Node      ID                                    Address      DC   TaggedAddresses"
                + "               Meta\n"
                + "betaweb1  8a619b68-1c1f-4ea1-9a5a-d5bbd4ee4a4d  10.202.2.10  dc1  lan=10.202.2.10, wan=1.2.3.4"
                + "  rack=r1\n", out());
        assertEquals(Map.of("rack", "r1"), catalog.lastNodeMeta);
        assertEquals(Consistency.STALE, catalog.lastConsistency);
    }

    @Test
    void noNodesGoesToStderr() throws Exception {
        NodesCommand c = nodesCommand();
        c.service = "missing";
        c.run(out, err);
        assertEquals("", out());
        assertEquals(CatalogFormat.NO_NODES + "\n", err());
    }

    @Test
    void servicesSortedWithAndWithoutTags() throws Exception {
        servicesCommand().run(out, err);
        ServicesCommand tagged = servicesCommand();
        tagged.tags = true;
        tagged.run(out, err);
        assertEquals("db\nhopscotch\nweb\n"
                + "db             \n"
                + "hopscotch      blue,v2\n"
                + "web            v1\n", out());
    }

    @Test
    void servicesOfANodeKeepEveryInstancesTags() throws Exception {
        ServicesCommand c = servicesCommand();
        c.node = "betaweb1";
        c.tags = true;
        c.run(out, err);
        assertEquals("hopscotch      blue,v2\nweb            v1,v1\n", out());
        ServicesCommand unknown = servicesCommand();
        unknown.node = "nope";
        unknown.run(out, err);
        assertEquals(CatalogFormat.NO_SERVICES + "\n", err());
    }

    @Test
    void datacenters() {
        DatacentersCommand c = new DatacentersCommand();
        c.catalog = catalog;
        c.run(out);
        assertEquals("dc1\n", out());
    }

    @Test
    void failuresAndBadOptionsAreConsoleErrors() {
        catalog.failure = new IllegalStateException("No cluster leader");
        CommandException e = assertThrows(CommandException.class, () -> nodesCommand().run(out, err));
        assertEquals("Error listing nodes: No cluster leader", e.getNiceHelp());
        NodesCommand bad = nodesCommand();
        bad.nodeMeta = List.of("rack");
        e = assertThrows(CommandException.class, () -> bad.run(out, err));
        assertEquals("Error! Invalid --node-meta \"rack\": expected key=value", e.getNiceHelp());
    }

    /** Runs the next commands as a token that may read the node betaweb1 and the services web and db only. */
    private void actAsWebReader() {
        resolver = FakeAclResolver.denyByDefault().token("web-secret", "web-accessor",
                "node \"betaweb1\" { policy = \"read\" }\nservice \"web\" { policy = \"read\" }\n"
                        + "service \"db\" { policy = \"read\" }");
        session = ConsoleSessions.withToken("web-secret");
    }

    @Test
    void aclFiltersNodesAsTheHttpListsDo() throws Exception {
        actAsWebReader();
        nodesCommand().run(out, err);
        assertEquals("Node      ID        Address      DC\n"
                + "betaweb1  8a619b68  10.202.2.10  dc1\n", out());
        NodesCommand ofHopscotch = nodesCommand();
        ofHopscotch.service = "hopscotch";
        ofHopscotch.run(out, err);
        NodesCommand ofDb = nodesCommand();
        ofDb.service = "db";
        ofDb.run(out, err);
        assertEquals(CatalogFormat.NO_NODES + "\n" + CatalogFormat.NO_NODES + "\n", err());
    }

    @Test
    void aclFiltersServicesAsTheHttpListsDo() throws Exception {
        actAsWebReader();
        servicesCommand().run(out, err);
        ServicesCommand ofNode = servicesCommand();
        ofNode.node = "betaweb1";
        ofNode.run(out, err);
        assertEquals("db\nweb\nweb\n", out());
        ServicesCommand ofUnreadableNode = servicesCommand();
        ofUnreadableNode.node = "alpha";
        ofUnreadableNode.run(out, err);
        assertEquals(CatalogFormat.NO_SERVICES + "\n", err());
    }

    @Test
    void theAnonymousTokenSeesNothingAndAnUnknownTokenFails() throws Exception {
        resolver = FakeAclResolver.denyByDefault();
        nodesCommand().run(out, err);
        servicesCommand().run(out, err);
        assertEquals(CatalogFormat.NO_NODES + "\n" + CatalogFormat.NO_SERVICES + "\n", err());
        session = ConsoleSessions.withToken("gone");
        CommandException e = assertThrows(CommandException.class, () -> nodesCommand().run(out, err));
        assertEquals("Error resolving ACL token: ACL not found", e.getNiceHelp());
    }
}
