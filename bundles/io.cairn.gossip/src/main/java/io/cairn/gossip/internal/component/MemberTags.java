package io.cairn.gossip.internal.component;

import java.util.LinkedHashMap;
import java.util.Map;

import io.cairn.agent.api.AgentInfo;

/**
 * The tags this agent gossips about itself, with Consul's keys: {@code role}, {@code dc}, {@code id},
 * {@code build}, {@code vsn}, {@code vsn_min}, {@code vsn_max}, {@code segment}, and on servers {@code port}
 * (server RPC), {@code wan_join_port}, {@code expect} (when bootstrap_expect is set) and Cairn's {@code http_addr}
 * and {@code https_addr} (each while that listener is on): where client agents forward to, the HTTP API's client
 * address, or the advertise address when the API listens on every interface.
 */
final class MemberTags {
    /** The Consul release the agent claims to be, as {@code version:revision}. */
    static final String BUILD = "1.21.0:cairn";

    private MemberTags() {
    }

    static Map<String, String> of(AgentInfo agent, int bootstrapExpect) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("role", agent.server() ? "consul" : "node");
        tags.put("dc", agent.datacenter());
        tags.put("id", agent.nodeId());
        tags.put("build", BUILD);
        tags.put("vsn", "2");
        tags.put("vsn_min", "2");
        tags.put("vsn_max", "3");
        tags.put("segment", "");
        if (agent.server()) {
            tags.put("port", Integer.toString(agent.serverPort()));
            tags.put("wan_join_port", Integer.toString(agent.serfWanPort()));
            if (bootstrapExpect > 0) {
                tags.put("expect", Integer.toString(bootstrapExpect));
            }
            if (agent.httpPort() > 0) {
                tags.put("http_addr", httpHost(agent) + ":" + agent.httpPort());
            }
            if (agent.httpsPort() > 0) {
                tags.put("https_addr", httpHost(agent) + ":" + agent.httpsPort());
            }
        }
        return tags;
    }

    private static String httpHost(AgentInfo agent) {
        String client = agent.clientAddress();
        boolean wildcard = client.equals("0.0.0.0") || client.equals("::") || client.equals("[::]");
        return wildcard ? agent.advertiseAddress() : client;
    }
}
