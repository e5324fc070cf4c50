package io.cairn.agent.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.cairn.agent.api.AgentInfo;

/** The body of {@code GET /v1/agent/self}, with Consul's field names. */
@JsonPropertyOrder({"Config", "DebugConfig", "Coord", "Member", "Stats", "Meta"})
record AgentSelf(
        @JsonProperty("Config") Config config,
        @JsonProperty("DebugConfig") DebugConfig debugConfig,
        @JsonProperty("Coord") Coord coord,
        @JsonProperty("Member") Member member,
        @JsonProperty("Stats") Map<String, Map<String, String>> stats,
        @JsonProperty("Meta") Map<String, String> meta) {

    @JsonPropertyOrder({"Datacenter", "PrimaryDatacenter", "NodeName", "NodeID", "Revision", "Server", "Version", "BuildDate"})
    record Config(
            @JsonProperty("Datacenter") String datacenter,
            @JsonProperty("PrimaryDatacenter") String primaryDatacenter,
            @JsonProperty("NodeName") String nodeName,
            @JsonProperty("NodeID") String nodeId,
            @JsonProperty("Revision") String revision,
            @JsonProperty("Server") boolean server,
            @JsonProperty("Version") String version,
            @JsonProperty("BuildDate") String buildDate) {
    }

    /**
     * The part of Consul's runtime configuration dump that Cairn has equivalents for; secrets (the gossip key, the
     * ACL tokens) read {@value #HIDDEN} when set and {@code ""} when not, as Consul's sanitised dump does.
     */
    @JsonPropertyOrder({"Datacenter", "PrimaryDatacenter", "NodeName", "NodeID", "ServerMode", "DevMode",
        "BindAddr", "AdvertiseAddrLAN", "ClientAddrs", "DataDir", "HTTPPort", "HTTPSPort", "DNSPort", "ServerPort",
        "SerfPortLAN", "SerfPortWAN", "EncryptKey", "ACLInitialManagementToken", "ACLTokens", "Revision",
        "Version"})
    record DebugConfig(
            @JsonProperty("Datacenter") String datacenter,
            @JsonProperty("PrimaryDatacenter") String primaryDatacenter,
            @JsonProperty("NodeName") String nodeName,
            @JsonProperty("NodeID") String nodeId,
            @JsonProperty("ServerMode") boolean serverMode,
            @JsonProperty("DevMode") boolean devMode,
            @JsonProperty("BindAddr") String bindAddr,
            @JsonProperty("AdvertiseAddrLAN") String advertiseAddrLan,
            @JsonProperty("ClientAddrs") List<String> clientAddrs,
            @JsonProperty("DataDir") String dataDir,
            @JsonProperty("HTTPPort") int httpPort,
            @JsonProperty("HTTPSPort") int httpsPort,
            @JsonProperty("DNSPort") int dnsPort,
            @JsonProperty("ServerPort") int serverPort,
            @JsonProperty("SerfPortLAN") int serfPortLan,
            @JsonProperty("SerfPortWAN") int serfPortWan,
            @JsonProperty("EncryptKey") String encryptKey,
            @JsonProperty("ACLInitialManagementToken") String aclInitialManagementToken,
            @JsonProperty("ACLTokens") Map<String, String> aclTokens,
            @JsonProperty("Revision") String revision,
            @JsonProperty("Version") String version) {

        /** What the dump shows for a secret that is set. */
        static final String HIDDEN = "hidden";

        static DebugConfig of(AgentInfo agent) {
            Map<String, String> tokens = new LinkedHashMap<>();
            tokens.put("ACLAgentRecoveryToken", hidden(agent, "acl.tokens.agent_recovery"));
            tokens.put("ACLAgentToken", hidden(agent, "acl.tokens.agent"));
            tokens.put("ACLDefaultToken", hidden(agent, "acl.tokens.default"));
            return new DebugConfig(agent.datacenter(), agent.datacenter(), agent.nodeName(), agent.nodeId(),
                    agent.server(), agent.dev(), agent.bindAddress(), agent.advertiseAddress(),
                    List.of(agent.clientAddress()), agent.dataDir().toString(), agent.httpPort(), agent.httpsPort(),
                    agent.dnsPort(), agent.serverPort(), agent.serfLanPort(), agent.serfWanPort(),
                    hidden(agent, "encrypt"), hidden(agent, "acl.tokens.initial_management"), tokens,
                    ConsulVersion.REVISION, ConsulVersion.VERSION);
        }

        private static String hidden(AgentInfo agent, String secret) {
            return agent.secret(secret).isEmpty() ? "" : HIDDEN;
        }
    }

    /** A network coordinate; Cairn has no Vivaldi yet, so every agent sits at the origin. */
    @JsonPropertyOrder({"Vec", "Error", "Adjustment", "Height"})
    record Coord(
            @JsonProperty("Vec") List<Double> vec,
            @JsonProperty("Error") double error,
            @JsonProperty("Adjustment") double adjustment,
            @JsonProperty("Height") double height) {

        /** Consul's starting coordinate: 8 dimensions at 0, error 1.5, minimum height 1e-5. */
        static Coord origin() {
            return new Coord(Collections.nCopies(8, 0.0), 1.5, 0.0, 1.0e-5);
        }
    }

    /** A gossip member as {@code /v1/agent/members} and the CLI show it. */
    @JsonPropertyOrder({"Name", "Addr", "Port", "Tags", "Status", "ProtocolMin", "ProtocolMax", "ProtocolCur",
        "DelegateMin", "DelegateMax", "DelegateCur"})
    record Member(
            @JsonProperty("Name") String name,
            @JsonProperty("Addr") String addr,
            @JsonProperty("Port") int port,
            @JsonProperty("Tags") Map<String, String> tags,
            @JsonProperty("Status") int status,
            @JsonProperty("ProtocolMin") int protocolMin,
            @JsonProperty("ProtocolMax") int protocolMax,
            @JsonProperty("ProtocolCur") int protocolCur,
            @JsonProperty("DelegateMin") int delegateMin,
            @JsonProperty("DelegateMax") int delegateMax,
            @JsonProperty("DelegateCur") int delegateCur) {

        static final int ALIVE = 1;

        /** This agent as a live member, with the tags Consul's tooling reads (role, dc, port, build, vsn...). */
        static Member of(AgentInfo agent) {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("role", agent.server() ? "consul" : "node");
            tags.put("dc", agent.datacenter());
            if (agent.server()) {
                tags.put("port", Integer.toString(agent.serverPort()));
            }
            tags.put("build", ConsulVersion.VERSION + ":" + ConsulVersion.REVISION);
            tags.put("vsn", "2");
            tags.put("vsn_min", "2");
            tags.put("vsn_max", "3");
            tags.put("id", agent.nodeId());
            tags.put("segment", "");
            return new Member(agent.nodeName(), agent.advertiseAddress(), agent.serfLanPort(), tags, ALIVE,
                    1, 5, 2, 2, 5, 4);
        }
    }

    /** This agent, with the {@code Stats} sections {@code consul info} prints. */
    static AgentSelf of(AgentInfo agent, Map<String, Map<String, String>> stats) {
        // Cairn has a single datacenter, so it is also the primary one.
        Config config = new Config(agent.datacenter(), agent.datacenter(), agent.nodeName(), agent.nodeId(),
                ConsulVersion.REVISION, agent.server(), ConsulVersion.VERSION, ConsulVersion.BUILD_DATE);
        return new AgentSelf(config, DebugConfig.of(agent), Coord.origin(), Member.of(agent), stats, Map.of());
    }
}
