package io.cairn.agent.shell.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.testing.FakeAclResolver;
import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.agent.definitions.DefinitionParser;
import io.cairn.shell.support.testing.ConsoleSessions;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    private final FakeAgent agent = new FakeAgent();
    private AclResolver resolver = FakeAclResolver.disabled();
    private Session session = ConsoleSessions.empty();
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, UTF_8);

    @TempDir
    Path dir;

    private String out() {
        return outBytes.toString(UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static String fails(ThrowingRun run) {
        return assertThrows(CommandException.class, run::run).getNiceHelp();
    }

    private interface ThrowingRun {
        void run() throws Exception;
    }

    private String file(String name, String json) throws Exception {
        return Files.writeString(dir.resolve(name), json).toString();
    }

    @Test
    void membersFilteredByStatus() throws Exception {
        agent.members.add(new Member("c1", "10.0.0.2", 8301, MemberStatus.FAILED, Map.of("role", "node")));
        MembersCommand c = new MembersCommand();
        c.agent = agent;
        c.resolver = resolver;
        c.session = session;
        c.status = "fail";
        c.run(out);
        assertTrue(out().startsWith("Node  Address        Status  Type    Build  Protocol  DC  Partition  Segment\n"
                + "c1    10.0.0.2:8301  failed  client  < 0.3"), out());
        outBytes.reset();
        c.status = "left";
        c.run(out);
        assertEquals("", out());
        c.status = "(";
        assertTrue(fails(() -> c.run(out)).startsWith("Failed to compile status regexp: "));
    }

    @Test
    void registerAndDeregisterFromFiles() throws Exception {
        String web = file("web.json", "{\"service\":{\"name\":\"web\",\"id\":\"web-1\",\"port\":80}}");
        String more = file("more.json", "{\"services\":[{\"name\":\"db\"},{\"name\":\"cache\"}]}");
        ServicesRegisterCommand register = new ServicesRegisterCommand();
        register.agent = agent;
        register.resolver = resolver;
        register.session = session;
        register.files = List.of(web, more);
        register.run(out);
        assertEquals(List.of("cache", "db", "web-1"), List.copyOf(agent.services.keySet()));
        assertEquals(80, agent.services.get("web-1").port());

        ServicesDeregisterCommand deregister = new ServicesDeregisterCommand();
        deregister.agent = agent;
        deregister.resolver = resolver;
        deregister.session = session;
        deregister.files = List.of(web);
        deregister.run(out);
        ServicesDeregisterCommand byId = new ServicesDeregisterCommand();
        byId.agent = agent;
        byId.resolver = resolver;
        byId.session = session;
        byId.id = "db";
        byId.run(out);
        assertEquals(List.of("cache"), List.copyOf(agent.services.keySet()));
        assertEquals("Registered service: web\nRegistered service: db\nRegistered service: cache\n"
                + "Deregistered service: web-1\nDeregistered service: db\n", out());
    }

    @Test
    void badFilesAndRefusalsAreConsoleErrorsWithTheCliTexts() throws Exception {
        ServicesRegisterCommand register = new ServicesRegisterCommand();
        register.agent = agent;
        register.resolver = resolver;
        register.session = session;
        String checksOnly = file("checks.json", "{\"check\":{\"name\":\"c\",\"ttl\":\"10s\"}}");
        register.files = List.of(checksOnly);
        assertEquals("Error: " + checksOnly + ": no service definition; expected a top-level \"service\" object"
                + " or \"services\" array", fails(() -> register.run(out)));
        String typo = file("typo.json", "{\"service\":{\"name\":\"web\",\"prot\":80}}");
        register.files = List.of(typo);
        assertTrue(fails(() -> register.run(out)).startsWith("Error: " + typo + ": service.prot"));
        register.files = List.of(dir.resolve("missing.json").toString());
        assertTrue(fails(() -> register.run(out)).startsWith("Error: cannot read " + dir.resolve("missing.json")
                + ": NoSuchFileException"));
        assertEquals(Map.of(), agent.services);

        ServicesDeregisterCommand deregister = new ServicesDeregisterCommand();
        deregister.agent = agent;
        deregister.resolver = resolver;
        deregister.session = session;
        assertEquals("Service deregistration requires at least one argument or -id.",
                fails(() -> deregister.run(out)));
        deregister.id = "nope";
        assertEquals("Error deregistering service \"nope\": Unknown service ID \"nope\". Ensure that the service ID"
                + " is passed, not the service name.", fails(() -> deregister.run(out)));
        deregister.files = List.of(typo);
        assertEquals("Service deregistration requires arguments or -id, not both.", fails(() -> deregister.run(out)));
    }

    @Test
    void reloadReportsProblems() throws Exception {
        ReloadCommand c = new ReloadCommand();
        c.agent = agent;
        c.resolver = resolver;
        c.session = session;
        c.run(out);
        assertEquals("Configuration reload triggered\n", out());
        agent.reloadProblems = List.of("service \"a\": x", "check \"b\": y");
        assertEquals("Error reloading: service \"a\": x; check \"b\": y", fails(() -> c.run(out)));
        assertEquals(2, agent.reloads);
    }

    private MaintCommand maint() {
        MaintCommand c = new MaintCommand();
        c.agent = agent;
        c.resolver = resolver;
        c.session = session;
        return c;
    }

    @Test
    void maintenanceOnListedAndOff() throws Exception {
        agent.services.put("web-1", DefinitionParser.service("{\"name\":\"web\",\"id\":\"web-1\"}"));
        MaintCommand node = maint();
        node.enable = true;
        node.reason = "kernel upgrade";
        node.run(out);
        MaintCommand service = maint();
        service.enable = true;
        service.service = "web-1";
        service.run(out);
        maint().run(out);
        MaintCommand off = maint();
        off.disable = true;
        off.service = "web-1";
        off.run(out);
        assertEquals("Node maintenance is now enabled\nService maintenance is now enabled for \"web-1\"\n"
                + "Node:\n  Name:   node-1\n  Reason: kernel upgrade\n\n"
                + "Service:\n  ID:     web-1\n  Reason: default reason\n\n"
                + "Service maintenance is now disabled for \"web-1\"\n", out());
        assertEquals(Map.of("", "kernel upgrade"), agent.maintenance);
    }

    @Test
    void maintenanceFlagConflictsAndRefusals() {
        MaintCommand both = maint();
        both.enable = true;
        both.disable = true;
        assertEquals("Only one of -enable or -disable may be provided", fails(() -> both.run(out)));
        MaintCommand reason = maint();
        reason.disable = true;
        reason.reason = "x";
        assertEquals("Reason may only be provided with -enable", fails(() -> reason.run(out)));
        MaintCommand serviceOnly = maint();
        serviceOnly.service = "web";
        assertEquals("Service requires either -enable or -disable", fails(() -> serviceOnly.run(out)));
        MaintCommand unknown = maint();
        unknown.enable = true;
        unknown.service = "nope";
        assertEquals("Error enabling service maintenance: Unknown service ID \"nope\". Ensure that the service ID"
                + " is passed, not the service name.", fails(() -> unknown.run(out)));
    }

    /**
     * Runs the next commands as a token that may write the service web and read the node node-1 and its agent,
     * but not change them.
     */
    private void actAsWebOperator() {
        resolver = FakeAclResolver.denyByDefault().token("web-secret", "web-accessor",
                "service \"web\" { policy = \"write\" }\nnode \"node-1\" { policy = \"read\" }\n"
                        + "agent \"node-1\" { policy = \"read\" }");
        session = ConsoleSessions.withToken("web-secret");
    }

    private static String denied(String permission, String resource) {
        return "Permission denied: token with AccessorID 'web-accessor' lacks permission '" + permission + "' on \""
                + resource + "\"";
    }

    @Test
    void aclAllowsWhatTheTokenMayWrite() throws Exception {
        actAsWebOperator();
        ServicesRegisterCommand register = new ServicesRegisterCommand();
        register.agent = agent;
        register.resolver = resolver;
        register.session = session;
        register.files = List.of(file("web.json", "{\"service\":{\"name\":\"web\",\"id\":\"web-1\"}}"));
        register.run(out);
        MaintCommand service = maint();
        service.enable = true;
        service.service = "web-1";
        service.run(out);
        assertEquals(Map.of("web-1", "default reason"), agent.maintenance);
        ServicesDeregisterCommand deregister = new ServicesDeregisterCommand();
        deregister.agent = agent;
        deregister.resolver = resolver;
        deregister.session = session;
        deregister.id = "web-1";
        deregister.run(out);
        assertEquals(Map.of(), agent.services);
    }

    @Test
    void aclDeniedChangesChangeNothing() throws Exception {
        agent.services.put("db-1", DefinitionParser.service("{\"name\":\"db\",\"id\":\"db-1\"}"));
        actAsWebOperator();
        ServicesRegisterCommand register = new ServicesRegisterCommand();
        register.agent = agent;
        register.resolver = resolver;
        register.session = session;
        register.files = List.of(file("web.json", "{\"service\":{\"name\":\"web\"}}"),
                file("cache.json", "{\"service\":{\"name\":\"cache\"}}"));
        assertEquals(denied("service:write", "cache"), fails(() -> register.run(out)));
        register.files = List.of(file("takeover.json", "{\"service\":{\"name\":\"web\",\"id\":\"db-1\"}}"));
        assertEquals(denied("service:write", "db"), fails(() -> register.run(out)));
        ServicesDeregisterCommand deregister = new ServicesDeregisterCommand();
        deregister.agent = agent;
        deregister.resolver = resolver;
        deregister.session = session;
        deregister.id = "db-1";
        assertEquals(denied("service:write", "db"), fails(() -> deregister.run(out)));
        assertEquals(List.of("db-1"), List.copyOf(agent.services.keySet()));

        MaintCommand node = maint();
        node.enable = true;
        assertEquals(denied("node:write", "node-1"), fails(() -> node.run(out)));
        MaintCommand db = maint();
        db.enable = true;
        db.service = "db-1";
        assertEquals(denied("service:write", "db"), fails(() -> db.run(out)));
        assertEquals(Map.of(), agent.maintenance);

        ReloadCommand reload = new ReloadCommand();
        reload.agent = agent;
        reload.resolver = resolver;
        reload.session = session;
        assertEquals(denied("agent:write", "node-1"), fails(() -> reload.run(out)));
        assertEquals(0, agent.reloads);
    }

    @Test
    void aclFiltersMembersAndMaintenance() throws Exception {
        agent.members.add(new Member("hidden", "10.0.0.2", 8301, MemberStatus.ALIVE, Map.of("role", "node")));
        agent.services.put("db-1", DefinitionParser.service("{\"name\":\"db\",\"id\":\"db-1\"}"));
        agent.services.put("web-1", DefinitionParser.service("{\"name\":\"web\",\"id\":\"web-1\"}"));
        agent.maintenance.put("", "node down");
        agent.maintenance.put("db-1", "db down");
        agent.maintenance.put("web-1", "web down");
        actAsWebOperator();
        MembersCommand members = new MembersCommand();
        members.agent = agent;
        members.resolver = resolver;
        members.session = session;
        members.run(out);
        assertTrue(out().contains("node-1") && !out().contains("hidden"), out());
        outBytes.reset();
        maint().run(out);
        assertEquals("Node:\n  Name:   node-1\n  Reason: node down\n\n"
                + "Service:\n  ID:     web-1\n  Reason: web down\n\n", out());
    }

    @Test
    void theAnonymousTokenMayDoNothing() {
        resolver = FakeAclResolver.denyByDefault();
        ReloadCommand reload = new ReloadCommand();
        reload.agent = agent;
        reload.resolver = resolver;
        reload.session = session;
        assertTrue(fails(() -> reload.run(out))
                .startsWith("Permission denied: anonymous token lacks permission 'agent:write' on \"node-1\"."));
    }
}
