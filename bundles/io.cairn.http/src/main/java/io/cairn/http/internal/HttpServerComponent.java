package io.cairn.http.internal;

import java.util.Map;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.http.api.HttpEndpoints;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.cairn.raft.api.RaftService;

/**
 * Runs the Consul-compatible HTTP API and serves the routes of every {@link HttpEndpoints} service; routes
 * appear and disappear with their services. Reads of the replicated state answer {@code No cluster leader}
 * while no {@link RaftService} is registered.
 */
@Component(name = "io.cairn.http", configurationPid = "io.cairn.http", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HttpServerComponent.Config.class)
public final class HttpServerComponent {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServerComponent.class);

    @ObjectClassDefinition(name = "Cairn HTTP server", description = "The Consul-compatible HTTP API listener")
    public @interface Config {
        @AttributeDefinition(description = "Address the HTTP API listens on")
        String client_address() default "127.0.0.1";

        @AttributeDefinition(description = "HTTP API port (0 picks a free one)")
        int http_port() default 8500;
    }

    private final Router router = new Router();
    /** This bundle's meters; published once a MeterRegistry service (the cairn-metrics feature) is bound. */
    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    private final ApiServer server;
    private volatile RaftService raft;

    @Activate
    public HttpServerComponent(Config config) throws Exception {
        server = new ApiServer(config.client_address(), config.http_port(), router, () -> raft,
                new HttpMetrics(meters));
        server.start();
        LOG.info("HTTP API listening on {}:{}", config.client_address(), server.port());
    }

    @Deactivate
    void deactivate() throws Exception {
        server.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addEndpoints(HttpEndpoints endpoints, Map<String, Object> properties) {
        RouteCollector table = new RouteCollector();
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

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addMeterRegistry(MeterRegistry registry) {
        meters.add(registry);
    }

    void removeMeterRegistry(MeterRegistry registry) {
        meters.remove(registry);
    }
}
