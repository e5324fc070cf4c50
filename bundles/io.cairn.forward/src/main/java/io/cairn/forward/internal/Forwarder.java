package io.cairn.forward.internal;

import java.util.concurrent.CompletableFuture;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import io.cairn.agent.api.AgentInfo;
import io.cairn.http.api.DatacenterRouter;
import io.cairn.http.api.FallbackHandler;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;

/**
 * On a client agent, answers every {@code /v1} request the agent does not serve itself by sending it to a server
 * unchanged and relaying the server's answer unchanged ({@link Relay}). Blocking queries included: the server holds
 * them, this agent only a pending future each, and a client that hangs up has its request to the server aborted.
 * When forwarding fails, the answer says why, as Consul's client agents do: 500
 * {@value ForwardingException#NO_KNOWN_SERVERS} when no server is known. Like Consul's client agents it fills in its
 * own node where the request means "this agent" ({@link AgentDefaults}).
 * <p>
 * It is also the client agent's way to other datacenters: a request whose {@code ?dc=} names one goes to a server
 * of this datacenter as it came, and that server forwards it on.
 */
@Component(service = {FallbackHandler.class, DatacenterRouter.class}, configurationPid = UpstreamComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class Forwarder implements FallbackHandler, DatacenterRouter {

    private final Upstream upstream;
    private final int maxBodyBytes;
    private final AgentDefaults defaults;

    @Activate
    public Forwarder(@Reference(name = "servers") UpstreamComponent servers, UpstreamComponent.Config config,
            @Reference(name = "agent", target = "(" + AgentInfo.SERVER + "=false)") AgentInfo agent) {
        this(servers.upstream(), config.max_request_body_bytes(), agent.nodeName());
    }

    Forwarder(Upstream upstream, int maxBodyBytes, String node) {
        this.upstream = upstream;
        this.maxBodyBytes = maxBodyBytes;
        this.defaults = new AgentDefaults(node);
    }

    @Override
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    @Override
    public CompletableFuture<Response> handle(Request request) {
        return Relay.send(upstream, request, defaults.query(request.rawQuery()),
                defaults.body(request.method(), request.path(), request.body()));
    }

    @Override
    public CompletableFuture<Response> forward(String datacenter, Request request) {
        return handle(request);
    }
}
