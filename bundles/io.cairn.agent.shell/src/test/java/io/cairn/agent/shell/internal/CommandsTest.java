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

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    private final FakeAgent agent = new FakeAgent();
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
        register.files = List.of(web, more);
        register.run(out);
        assertEquals(List.of("cache", "db", "web-1"), List.copyOf(agent.services.keySet()));
        assertEquals(80, agent.services.get("web-1").port());

        ServicesDeregisterCommand deregister = new ServicesDeregisterCommand();
        deregister.agent = agent;
        deregister.files = List.of(web);
        deregister.run(out);
        ServicesDeregisterCommand byId = new ServicesDeregisterCommand();
        byId.agent = agent;
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
        c.run(out);
        assertEquals("Configuration reload triggered\n", out());
        agent.reloadProblems = List.of("service \"a\": x", "check \"b\": y");
        assertEquals("Error reloading: service \"a\": x; check \"b\": y", fails(() -> c.run(out)));
        assertEquals(2, agent.reloads);
    }

    private MaintCommand maint() {
        MaintCommand c = new MaintCommand();
        c.agent = agent;
        return c;
    }

    @Test
    void maintenanceOnListedAndOff() throws Exception {
        agent.services.put("web-1", null);
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
}
