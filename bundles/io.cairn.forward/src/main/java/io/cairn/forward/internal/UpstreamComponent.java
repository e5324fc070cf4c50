package io.cairn.forward.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Random;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.cairn.agent.api.AgentInfo;
import io.cairn.gossip.api.Membership;

/**
 * A client agent's way to its servers, shared by the {@link Forwarder} and the {@link RemoteCatalog}: the servers
 * of this datacenter from the LAN pool ({@link ServerPool}) and the HTTP client that reaches them
 * ({@link Upstream}). Exists only on a client agent ({@code cairn.server=false}); the components that use it come
 * and go with it. Registered under this (private) class, so only this bundle's components find it.
 */
@Component(service = UpstreamComponent.class, configurationPid = UpstreamComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = UpstreamComponent.Config.class)
public final class UpstreamComponent {

    static final String PID = "io.cairn.forward";
    /** How long a server may take to accept a connection before the next one is tried. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @ObjectClassDefinition(name = "Cairn forwarding to the servers",
            description = "How a client agent forwards requests to the servers of its datacenter")
    public @interface Config {
        @AttributeDefinition(description = "Requests forwarded at once, blocking queries included; more are"
                + " answered 429")
        int max_forwarded_requests() default 4096;

        @AttributeDefinition(description = "Largest request body forwarded, in bytes (the servers apply their own"
                + " limits, 512 KiB for KV values and transactions); a larger one is answered 413")
        int max_request_body_bytes() default 1024 * 1024;

        @AttributeDefinition(description = "Largest answer taken from a server, in bytes")
        long max_answer_bytes() default 64L * 1024 * 1024;
    }

    private final Upstream upstream;

    @Activate
    public UpstreamComponent(
            @Reference(name = "agent", target = "(" + AgentInfo.SERVER + "=false)") AgentInfo agent,
            @Reference(name = "lan", target = "(" + Membership.POOL + "=" + Membership.LAN + ")") Membership lan,
            Config config) {
        ServerPool servers = new ServerPool(lan::members, agent.datacenter(), agent.httpsTls().isPresent(),
                System::nanoTime, new Random());
        HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(CONNECT_TIMEOUT);
        agent.httpsTls().ifPresent(tls -> http.sslContext(tls.sslContext()));
        upstream = new Upstream(servers, http.build(), config.max_forwarded_requests(), config.max_answer_bytes());
    }

    Upstream upstream() {
        return upstream;
    }

    @Deactivate
    void deactivate() {
        upstream.close();
    }
}
