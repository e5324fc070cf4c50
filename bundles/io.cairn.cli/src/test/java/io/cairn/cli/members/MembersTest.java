package io.cairn.cli.members;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;

class MembersTest {
  private static final String CLIENT = "{\"Name\":\"alpha\",\"Addr\":\"10.0.0.5\",\"Port\":8301,\"Tags\":{"
      + "\"role\":\"node\",\"dc\":\"dc1\",\"build\":\"1.21.0:abcd\",\"vsn\":\"2\",\"segment\":\"\"},\"Status\":1}";
  private static final String SERVER = "{\"Name\":\"zeta\",\"Addr\":\"10.0.0.1\",\"Port\":8301,\"Tags\":{"
      + "\"role\":\"consul\",\"dc\":\"dc1\",\"port\":\"8300\",\"build\":\"1.21.0:abcd\",\"vsn\":\"2\","
      + "\"id\":\"u-1\"},\"Status\":1}";
  private static final String FAILED_SERVER = "{\"Name\":\"beta\",\"Addr\":\"::1\",\"Port\":9301,\"Tags\":{"
      + "\"role\":\"consul\",\"dc\":\"dc1\",\"build\":\"1.21.0\",\"vsn\":\"2\"},\"Status\":4}";
  private static final String ALL = "[" + CLIENT + "," + SERVER + "," + FAILED_SERVER + "]";

  @Test
  void serversFirstThenByNameWithConsulsColumns() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, ALL)) {
      assertEquals(0, agent.run(new Members()));
      assertEquals("/v1/agent/members?segment=_all", agent.requests.get(0).uri());
      assertEquals(""
          + "Node   Address        Status  Type    Build   Protocol  DC   Partition  Segment\n"
          + "beta   [::1]:9301     failed  server  1.21.0  2         dc1  default    <all>\n"
          + "zeta   10.0.0.1:8301  alive   server  1.21.0  2         dc1  default    <all>\n"
          + "alpha  10.0.0.5:8301  alive   client  1.21.0  2         dc1  default    <default>\n", agent.out());
    }
  }

  @Test
  void detailedShowsEveryTagSortedIncludingTheFilledInOnes() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[" + CLIENT + "," + SERVER + "]")) {
      assertEquals(0, agent.run(new Members(), "-detailed"));
      assertEquals(""
          + "Node   Address        Status  Tags\n"
          + "zeta   10.0.0.1:8301  alive   ap=default,build=1.21.0:abcd,dc=dc1,id=u-1,port=8300,role=consul,"
          + "segment=<all>,vsn=2\n"
          + "alpha  10.0.0.5:8301  alive   ap=default,build=1.21.0:abcd,dc=dc1,role=node,segment=<default>,vsn=2\n",
          agent.out());
    }
  }

  @Test
  void statusFilterIsAnUnanchoredRegexpAndNoMatchExitsTwo() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, ALL).reply(200, ALL)) {
      assertEquals(0, agent.run(new Members(), "-status=fail"));
      assertEquals(2, agent.out().lines().count());
      agent.out.reset();
      assertEquals(2, agent.run(new Members(), "-status=^left$", "-wan"));
      assertEquals("/v1/agent/members?segment=_all&wan=1", agent.requests.get(1).uri());
      assertEquals("", agent.out());
    }
  }

  @Test
  void filterIsPassedToTheAgent() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[" + SERVER + "]").reply(200, ALL)) {
      assertEquals(0, agent.run(new Members(), "-filter", "Tags[\"role\"] == consul"));
      assertEquals("/v1/agent/members?filter=Tags%5B%22role%22%5D+%3D%3D+consul&segment=_all",
          agent.requests.get(0).uri());
      assertEquals(0, agent.run(new Members(), "-filter="));
      assertEquals("/v1/agent/members?segment=_all", agent.requests.get(1).uri());
    }
  }

  @Test
  void oneSegmentIsAskedForByNameAndServersThenShowTheirOwnSegment() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[" + CLIENT + "," + SERVER + "]")) {
      assertEquals(0, agent.run(new Members(), "-segment", "alpha"));
      assertEquals("/v1/agent/members?segment=alpha", agent.requests.get(0).uri());
      assertEquals(""
          + "Node   Address        Status  Type    Build   Protocol  DC   Partition  Segment\n"
          + "zeta   10.0.0.1:8301  alive   server  1.21.0  2         dc1  default    <default>\n"
          + "alpha  10.0.0.5:8301  alive   client  1.21.0  2         dc1  default    <default>\n", agent.out());
    }
  }

  @Test
  void unknownRoleAndMissingBuild() {
    String json = "[{\"Name\":\"x\",\"Addr\":\"1.1.1.1\",\"Port\":1,\"Tags\":{\"role\":\"weird\"},\"Status\":9},"
        + "{\"Name\":\"y\",\"Addr\":\"1.1.1.2\",\"Port\":1,\"Tags\":{\"role\":\"node\"},\"Status\":3}]";
    String table = Members.standard(Members.parse(parse(json), true));
    assertEquals(""
        + "Node  Address    Status   Type     Build  Protocol  DC  Partition  Segment\n"
        + "x     1.1.1.1:1  unknown  unknown                                  \n"
        + "y     1.1.1.2:1  left     client   < 0.3                default    <default>\n", table);
  }

  @Test
  void errorsAndBadRegexp() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(500, "boom")) {
      assertEquals(1, agent.run(new Members(), "-status=("));
      assertEquals("Failed to compile status regexp", agent.err().substring(0, 31));
      agent.err.reset();
      assertEquals(1, agent.run(new Members()));
      assertEquals("Error retrieving members: Unexpected response code: 500 (boom)\n", agent.err());
    }
  }

  private static Object parse(String json) {
    try {
      return io.cairn.cli.json.Json.parse(json);
    } catch (io.cairn.cli.json.JsonException e) {
      throw new AssertionError(e);
    }
  }
}
