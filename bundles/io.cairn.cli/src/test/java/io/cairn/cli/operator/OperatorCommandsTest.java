package io.cairn.cli.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.cli.FakeAgent;
import io.cairn.cli.FakeAgent.Recorded;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorCommandsTest {

  private static final String CONFIGURATION = "{\"Servers\":[{\"ID\":\"alice\",\"Node\":\"alice\","
      + "\"Address\":\"127.0.0.1:8300\",\"Leader\":false,\"ProtocolVersion\":\"3\",\"Voter\":true},"
      + "{\"ID\":\"bob\",\"Node\":\"bob\",\"Address\":\"127.0.0.2:8300\",\"Leader\":true,\"ProtocolVersion\":\"3\","
      + "\"Voter\":true},{\"ID\":\"carol\",\"Node\":\"carol\",\"Address\":\"127.0.0.3:8300\",\"Leader\":false,"
      + "\"ProtocolVersion\":\"3\",\"Voter\":false}],\"Index\":22}";
  private static final String HEALTH = "{\"Healthy\":false,\"FailureTolerance\":0,\"Servers\":["
      + "{\"Name\":\"alice\",\"LastIndex\":1167},{\"Name\":\"bob\",\"LastIndex\":1167},"
      + "{\"Name\":\"carol\",\"LastIndex\":1159}]}";
  private static final String CONFIG = "{\"CleanupDeadServers\":true,\"LastContactThreshold\":\"200ms\","
      + "\"MaxTrailingLogs\":250,\"MinQuorum\":0,\"ServerStabilizationTime\":\"10s\",\"RedundancyZoneTag\":\"\","
      + "\"DisableUpgradeMigration\":false,\"UpgradeVersionTag\":\"\",\"CreateIndex\":4,\"ModifyIndex\":9}";

  @Test
  void listPeersPrintsConsulsTableWithTheCommitIndexes() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, CONFIGURATION).reply(429, HEALTH)) {
      assertEquals(0, agent.run(new RaftListPeers(), "-stale"));
      assertEquals("""
          Node   ID     Address         State     Voter  RaftProtocol  Commit Index  Trails Leader By
          alice  alice  127.0.0.1:8300  follower  true   3             1167          0 commits
          bob    bob    127.0.0.2:8300  leader    true   3             1167          -
          carol  carol  127.0.0.3:8300  follower  false  3             1159          8 commits
          """, agent.out());
      assertEquals(List.of("/v1/operator/raft/configuration?stale=", "/v1/operator/autopilot/health?stale="),
          agent.requests.stream().map(Recorded::uri).toList());
    }
  }

  @Test
  void removePeerByIdOrAddress() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "").reply(200, "")
        .reply(500, "address \"10.0.0.9:8300\" was not found in the Raft configuration")) {
      assertEquals(0, agent.run(new RaftRemovePeer(), "-id=carol"));
      assertEquals(0, agent.run(new RaftRemovePeer(), "-address=127.0.0.3:8300"));
      assertEquals("Removed peer with id \"carol\"\nRemoved peer with address \"127.0.0.3:8300\"\n", agent.out());
      assertEquals(List.of("DELETE /v1/operator/raft/peer?id=carol",
          "DELETE /v1/operator/raft/peer?address=127.0.0.3%3A8300"), agent.requests.stream()
          .map(r -> r.method() + " " + r.uri()).toList());
      assertEquals(1, agent.run(new RaftRemovePeer(), "-address=10.0.0.9:8300"));
      assertEquals(1, agent.run(new RaftRemovePeer()));
      assertEquals(1, agent.run(new RaftRemovePeer(), "-id=a", "-address=b"));
      assertEquals("""
          Error removing peer: Unexpected response code: 500 (address "10.0.0.9:8300" was not found in the Raft \
          configuration)
          Error removing peer: an address or id is required for the peer to remove
          Error removing peer: cannot give both an address and id
          """, agent.err());
    }
  }

  @Test
  void transferLeader() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "{\"Success\":true}").reply(200, "{\"Success\":true}")) {
      assertEquals(0, agent.run(new RaftTransferLeader(), "-id=carol"));
      assertEquals(0, agent.run(new RaftTransferLeader()));
      assertEquals("Success\nSuccess\n", agent.out());
      assertEquals(List.of("POST /v1/operator/raft/transfer-leader?id=carol",
          "POST /v1/operator/raft/transfer-leader"), agent.requests.stream()
          .map(r -> r.method() + " " + r.uri()).toList());
    }
  }

  @Test
  void getAndSetConfigWithCheckAndSet() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, CONFIG).reply(200, CONFIG).reply(200, "true")
        .reply(200, CONFIG).reply(200, "false")) {
      assertEquals(0, agent.run(new AutopilotGetConfig()));
      assertEquals("""
          CleanupDeadServers = true
          LastContactThreshold = 200ms
          MaxTrailingLogs = 250
          MinQuorum = 0
          ServerStabilizationTime = 10s
          RedundancyZoneTag = ""
          DisableUpgradeMigration = false
          UpgradeVersionTag = ""
          """, agent.out());
      agent.out.reset();
      assertEquals(0, agent.run(new AutopilotSetConfig(), "-cleanup-dead-servers=false", "-max-trailing-logs=99",
          "-min-quorum=3", "-last-contact-threshold=1500ms", "-server-stabilization-time=1m"));
      assertEquals("Configuration updated!\n", agent.out());
      Recorded put = agent.requests.get(2);
      assertEquals("PUT /v1/operator/autopilot/configuration?cas=9", put.method() + " " + put.uri());
      assertEquals("{\n\t\"CleanupDeadServers\": false,\n\t\"LastContactThreshold\": \"1.5s\",\n"
          + "\t\"MaxTrailingLogs\": 99,\n\t\"MinQuorum\": 3,\n\t\"ServerStabilizationTime\": \"1m0s\",\n"
          + "\t\"RedundancyZoneTag\": \"\",\n\t\"DisableUpgradeMigration\": false,\n\t\"UpgradeVersionTag\": \"\",\n"
          + "\t\"CreateIndex\": 4,\n\t\"ModifyIndex\": 9\n}", put.body());
      agent.out.reset();
      assertEquals(1, agent.run(new AutopilotSetConfig(), "-min-quorum=5"));
      assertEquals("Configuration could not be atomically updated, please try again\n", agent.out());
      assertEquals(1, agent.run(new AutopilotSetConfig(), "-cleanup-dead-servers=maybe"));
    }
  }

  @Test
  void statePrettyAsConsulPrintsIt() throws Exception {
    String state = "{\"Healthy\":true,\"FailureTolerance\":1,\"OptimisticFailureTolerance\":1,\"Servers\":{"
        + "\"s1\":{\"ID\":\"s1\",\"Name\":\"s1\",\"Address\":\"10.0.0.1:8300\",\"NodeStatus\":\"alive\","
        + "\"Version\":\"0.1.0\",\"LastContact\":\"0s\",\"LastTerm\":2,\"LastIndex\":1000,\"Healthy\":true,"
        + "\"StableSince\":\"2026-01-01T00:00:01Z\",\"ReadReplica\":false,\"Status\":\"leader\",\"Meta\":{},"
        + "\"NodeType\":\"voter\"}},\"Leader\":\"s1\",\"Voters\":[\"s1\"]}";
    try (FakeAgent agent = new FakeAgent().reply(200, state)) {
      assertEquals(0, agent.run(new AutopilotState()));
      assertEquals("""
          Healthy:                      true
          Failure Tolerance:            1
          Optimistic Failure Tolerance: 1
          Leader:                       s1
          Voters:
             s1
          Servers:
             s1
                Name:            s1
                Address:         10.0.0.1:8300
                Version:         0.1.0
                Status:          leader
                Node Type:       voter
                Node Status:     alive
                Healthy:         true
                Last Contact:    0s
                Last Term:       2
                Last Index:      1000

          """, agent.out());
    }
  }
}
