package io.cairn.http.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.acl.api.AclResolver;
import io.cairn.agent.api.AgentInfo;
import io.cairn.http.api.DatacenterRouter;
import io.cairn.http.api.FallbackHandler;
import io.cairn.http.api.HttpEndpoints;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.cairn.raft.api.RaftService;

/**
 * Runs the Consul-compatible HTTP API and serves the routes of every {@link HttpEndpoints} service; routes
 * appear and disappear with their services. The {@code /v1} paths no route serves go to the highest-ranked
 * {@link FallbackHandler}, if there is one. Reads of the replicated state answer {@code No cluster leader}
 * while no {@link RaftService} is registered. The listener opens at once, before the other subsystems have
 * registered their endpoints: until the agent has started ({@link BootReadiness}, checked every
 * {@value #READINESS_POLL_MILLIS} ms), requests no route serves answer 503. With {@code https.port} set, an HTTPS
 * listener serves the same API ({@link HttpsSettings}); {@code http.enabled = false} leaves only that one.
 */
@Component(name = "io.cairn.http", configurationPid = "io.cairn.http", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HttpServerComponent.Config.class)
public final class HttpServerComponent {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServerComponent.class);

    /** The listener's own settings; its address and port are the agent's ({@link AgentInfo}). */
    @ObjectClassDefinition(name = "Cairn HTTP server", description = "The Consul-compatible HTTP API listener")
    public @interface Config {
        @AttributeDefinition(description = "Consul's limits.http_max_conns_per_client: connections one client IP "
                + "address may hold open at once (0 for no limit); one over the limit is answered 429 and closed")
        int http_max_conns_per_client() default ClientConnectionLimit.DEFAULT_MAX_CONNS_PER_CLIENT;

        @AttributeDefinition(description = "Whether the plain HTTP listener opens (Consul's ports.http = -1 turns "
                + "it off; the agent's own watches, templates, remote exec and coordinate updates use it)")
        boolean http_enabled() default true;

        @AttributeDefinition(description = "Consul's ports.https: the HTTPS listener's port on the client "
                + "address, -1 for none")
        int https_port() default ApiServer.OFF;

        @AttributeDefinition(description = "PEM file of the CAs that sign client certificates (tls.https.ca_file)")
        String tls_ca_file() default "";

        @AttributeDefinition(description = "Directory of PEM files of such CAs (tls.https.ca_path)")
        String tls_ca_path() default "";

        @AttributeDefinition(description = "PEM certificate of the HTTPS listener (tls.https.cert_file)")
        String tls_cert_file() default "";

        @AttributeDefinition(description = "PEM private key of that certificate (tls.https.key_file)")
        String tls_key_file() default "";

        @AttributeDefinition(description = "Whether HTTPS clients must present a certificate signed by one of the "
                + "CAs (tls.https.verify_incoming)")
        boolean tls_verify_incoming() default false;

        @AttributeDefinition(description = "The lowest TLS version accepted, as the JDK names it (TLSv1.2)")
        String tls_min_version() default "TLSv1.2";

        @AttributeDefinition(description = "Comma-separated TLS 1.2 cipher suites (IANA names); empty for the "
                + "defaults")
        String tls_cipher_suites() default "";
    }

    static final long READINESS_POLL_MILLIS = 50;

    private final Router router = new Router();
    /** This bundle's meters; published once a MeterRegistry service (the cairn-metrics feature) is bound. */
    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    private final ApiServer server;
    private final ScheduledExecutorService readinessPoll;
    /** The agent's datacenter: the one routes that take {@code ?dc=} serve. */
    private final String datacenter;
    private volatile RaftService raft;
    private volatile AclResolver acl;

    @Activate
    public HttpServerComponent(Config config, BundleContext context, @Reference ServiceComponentRuntime scr,
            @Reference(name = "agent") AgentInfo agent) throws Exception {
        datacenter = agent.datacenter();
        BootReadiness readiness = new BootReadiness(new KarafBoot(context, scr), System::nanoTime,
                BootReadiness.ENDPOINT_GRACE);
        int perClient = config.http_max_conns_per_client();
        ApiServer.HttpsListener https = config.https_port() == ApiServer.OFF ? null
                : new ApiServer.HttpsListener(config.https_port(), httpsSettings(config).contextFactory());
        server = new ApiServer(agent.clientAddress(), config.http_enabled() ? agent.httpPort() : ApiServer.OFF,
                https, router, () -> raft, () -> acl, readiness, new HttpMetrics(meters),
                ServerLimits.defaults().withMaxConnsPerClient(perClient));
        server.start();
        String limit = perClient == 0 ? "unlimited" : "at most " + perClient;
        if (server.port() != ApiServer.OFF) {
            LOG.info("HTTP API listening on {}:{} (connections per client address: {})", agent.clientAddress(),
                    server.port(), limit);
        } else {
            LOG.warn("Plain HTTP API turned off (ports.http = -1): the agent's own watches, templates, remote exec "
                    + "and coordinate updates, which use it, will fail");
        }
        if (server.httpsPort() != ApiServer.OFF) {
            LOG.info("HTTPS API listening on {}:{} (client certificates {}; connections per client address: {})",
                    agent.clientAddress(), server.httpsPort(),
                    config.tls_verify_incoming() ? "required" : "not asked for", limit);
        }
        readinessPoll = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cairn-http-boot-readiness");
            thread.setDaemon(true);
            return thread;
        });
        // Checked on a thread of its own, never during a DS activation: the check asks SCR about other components.
        readinessPoll.scheduleWithFixedDelay(() -> {
            try {
                if (readiness.check()) {
                    readinessPoll.shutdown();
                }
            } catch (RuntimeException e) {
                // e.g. the framework stopping under the check; the next one tells
                LOG.debug("Boot readiness check failed", e);
            }
        }, 0, READINESS_POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static HttpsSettings httpsSettings(Config config) {
        return new HttpsSettings(path(config.tls_ca_file()), path(config.tls_ca_path()), path(config.tls_cert_file()),
                path(config.tls_key_file()), config.tls_verify_incoming(), config.tls_min_version().trim(),
                Arrays.stream(config.tls_cipher_suites().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .toList());
    }

    private static Path path(String text) {
        return text.isBlank() ? null : Path.of(text.trim());
    }

    @Deactivate
    void deactivate() throws Exception {
        readinessPoll.shutdownNow();
        server.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addEndpoints(HttpEndpoints endpoints, Map<String, Object> properties) {
        RouteCollector table = new RouteCollector(datacenter);
        try {
            endpoints.routes(table);
        } catch (RuntimeException e) {
            LOG.error("Endpoints service {} declared invalid routes; ignoring it", properties.get(Constants.SERVICE_ID), e);
            return;
        }
        router.add(properties.get(Constants.SERVICE_ID), table.routes());
    }

    void removeEndpoints(HttpEndpoints endpoints, Map<String, Object> properties) {
        router.remove(properties.get(Constants.SERVICE_ID));
    }

    /** The highest-ranked fallback serves; GREEDY rebinds when a higher-ranked one appears. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setFallback(FallbackHandler handler) {
        router.fallback(handler);
        LOG.info("HTTP API: paths under {} that no route serves go to {}", Router.FALLBACK_PREFIX, handler);
    }

    void unsetFallback(FallbackHandler handler) {
        router.removeFallback(handler);
    }

    /** The highest-ranked router to other datacenters serves; GREEDY rebinds when a higher-ranked one appears. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setDatacenterRouter(DatacenterRouter datacenters) {
        router.datacenters(datacenters);
        LOG.info("HTTP API: requests for other datacenters go to {}", datacenters);
    }

    void unsetDatacenterRouter(DatacenterRouter datacenters) {
        router.removeDatacenters(datacenters);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void setRaft(RaftService service) {
        raft = service;
    }

    synchronized void unsetRaft(RaftService service) {
        // With GREEDY a replacement may be bound before the old one is unbound; keep the replacement.
        if (raft == service) {
            raft = null;
        }
    }

    /**
     * The agent's ACL resolver: mandatory, so that nothing is served unchecked. Dynamic, so that a new resolver
     * (the ACL configuration changed) is picked up without closing the listeners; requests that arrive while none
     * is bound answer a retryable 503.
     */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    synchronized void setAcl(AclResolver resolver) {
        acl = resolver;
    }

    synchronized void unsetAcl(AclResolver resolver) {
        if (acl == resolver) {
            acl = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addMeterRegistry(MeterRegistry registry) {
        meters.add(registry);
    }

    void removeMeterRegistry(MeterRegistry registry) {
        meters.remove(registry);
    }
}
