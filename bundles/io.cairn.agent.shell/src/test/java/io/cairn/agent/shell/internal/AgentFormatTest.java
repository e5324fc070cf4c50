package io.cairn.agent.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.cairn.agent.api.Maintenance;
import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;

import org.junit.jupiter.api.Test;

class AgentFormatTest {
    private static final Member SERVER = new Member("s1", "10.0.0.1", 8301, MemberStatus.ALIVE,
            Map.of("role", "consul", "dc", "dc1", "build", "1.21.4:abc", "vsn", "2", "segment", ""));
    private static final Member CLIENT = new Member("a-client", "fe80::1", 8301, MemberStatus.FAILED,
            Map.of("role", "node", "dc", "dc1", "build", "", "vsn", "2"));
    private static final Member ODD = new Member("odd", "10.0.0.3", 8301, MemberStatus.LEFT, Map.of());

    @Test
    void serversFirstWithDefaultsAndCutBuild() {
        assertEquals("Node      Address         Status  Type     Build   Protocol  DC   Partition  Segment\n"
                + "s1        10.0.0.1:8301   alive   server   1.21.4  2         dc1  default    <all>\n"
                + "a-client  [fe80::1]:8301  failed  client   < 0.3   2         dc1  default    <default>\n"
                // Empty cells are padded like any other but the last, as in the CLI's table.
                + "odd       10.0.0.3:8301   left    unknown" + " ".repeat(36) + "\n",
                AgentFormat.members(AgentFormat.rows(List.of(ODD, CLIENT, SERVER))));
    }

    @Test
    void detailedShowsEverySortedTag() {
        assertEquals("Node  Address        Status  Tags\n"
                + "s1    10.0.0.1:8301  alive   ap=default,build=1.21.4:abc,dc=dc1,role=consul,segment=<all>,vsn=2\n",
                AgentFormat.detailedMembers(AgentFormat.rows(List.of(SERVER))));
    }

    @Test
    void maintenanceBlocks() {
        assertEquals("Node:\n  Name:   n1\n  Reason: upgrade\n\nService:\n  ID:     web-1\n  Reason: flaky\n\n",
                AgentFormat.maintenance("n1", List.of(new Maintenance("", "upgrade"),
                        new Maintenance("web-1", "flaky"))));
        assertEquals("", AgentFormat.maintenance("n1", List.of()));
    }

    @Test
    void quotedEscapesLikeGo() {
        assertEquals("\"a\\\"b\\\\c\"", AgentFormat.quoted("a\"b\\c"));
    }
}
