package io.cairn.template.internal.data;

import java.io.IOException;

/**
 * The local agent's node name ({@code Config.NodeName} of {@code GET /v1/agent/self}), which {@code node}
 * without a name needs before it can ask the catalog. Not a blocking endpoint.
 */
public record AgentNodeNameQuery() implements ApiDependency {

    @Override
    public String path() {
        return "/v1/agent/self";
    }

    @Override
    public boolean blocking() {
        return false;
    }

    /** @return the node name, a {@link String} */
    @Override
    public Object decode(int status, byte[] body) throws IOException {
        ApiStatus.requireOk(status, this);
        String name = ConsulJson.text(ConsulJson.parse(body).path("Config"), "NodeName");
        if (name.isEmpty()) {
            throw new IOException("agent.self: no Config.NodeName in the agent's answer");
        }
        return name;
    }

    @Override
    public String describe() {
        return "agent.self";
    }
}
