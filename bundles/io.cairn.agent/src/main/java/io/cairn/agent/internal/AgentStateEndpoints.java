package io.cairn.agent.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.cairn.acl.api.Authorizer;
import io.cairn.agent.api.AgentInfo;
import io.cairn.agent.definitions.DefinitionException;
import io.cairn.agent.definitions.DefinitionParser;
import io.cairn.agent.definitions.ServiceDefinition;
import io.cairn.filter.ConsulShapes;
import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckStatus;
import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;

/**
 * The agent's local services and checks over HTTP ({@code /v1/agent/service*}, {@code /check*}, maintenance); the
 * server filters the service and check maps with {@code ?filter=}, as Consul does. Each endpoint applies Consul's
 * ACL rules ({@link LocalAcl}): the lists leave out what the token may not read, the rest answer 403.
 */
final class AgentStateEndpoints implements HttpEndpoints {
    private final AgentInfo agent;
    private final LocalAgent local;
    private final LocalAcl acl;
    private final Supplier<List<String>> reload;

    /** The body of {@code PUT /v1/agent/check/update/:id}. */
    record CheckUpdate(@JsonProperty("Status") String status, @JsonProperty("Output") String output) {
    }

    /**
     * @param reload reads the config dirs again and returns what could not be loaded (empty if all was)
     */
    AgentStateEndpoints(AgentInfo agent, LocalAgent local, Supplier<List<String>> reload) {
        this.agent = agent;
        this.local = local;
        this.acl = new LocalAcl(agent.nodeName(), local.state());
        this.reload = reload;
    }

    @Override
    public void routes(RouteTable table) {
        table.get("/v1/agent/services", ConsulShapes.AGENT_SERVICE, this::services)
                .get("/v1/agent/service/", this::service)
                .get("/v1/agent/checks", ConsulShapes.HEALTH_CHECK, this::checks)
                .put("/v1/agent/service/register", this::registerService)
                .put("/v1/agent/service/deregister/", this::deregisterService)
                .put("/v1/agent/service/maintenance/", this::serviceMaintenance)
                .put("/v1/agent/maintenance", this::nodeMaintenance)
                .put("/v1/agent/check/register", this::registerCheck)
                .put("/v1/agent/check/deregister/", this::deregisterCheck)
                .put("/v1/agent/check/pass/", r -> ttl(r, CheckStatus.PASSING))
                .put("/v1/agent/check/warn/", r -> ttl(r, CheckStatus.WARNING))
                .put("/v1/agent/check/fail/", r -> ttl(r, CheckStatus.CRITICAL))
                .put("/v1/agent/check/update/", this::updateCheck)
                .put("/v1/agent/reload", this::reload);
    }

    CompletionStage<Response> services(Request request) {
        Authorizer token = request.acl();
        List<LocalService> services = local.state().snapshot().services();
        Map<String, AgentServiceBody> body = new LinkedHashMap<>();
        services.stream().filter(s -> acl.mayRead(token, s))
                .forEach(s -> body.put(s.id(), AgentServiceBody.of(s.definition(), agent.datacenter())));
        return filtered(request, body, body.size() < services.size());
    }

    CompletionStage<Response> service(Request request) {
        String id = request.argument();
        LocalService service = local.state().service(id)
                .orElseThrow(() -> HttpException.notFound("unknown service ID: " + id));
        if (!acl.mayRead(request.acl(), service)) {
            throw request.permissionDenied("service:read", service.definition().name());
        }
        AgentServiceBody body = AgentServiceBody.of(service.definition(), agent.datacenter()).withContentHash();
        return CompletableFuture.completedFuture(Response.json(body).header("X-Consul-ContentHash", body.contentHash()));
    }

    CompletionStage<Response> checks(Request request) {
        Authorizer token = request.acl();
        LocalState state = local.state();
        List<LocalCheck> checks = state.snapshot().checks();
        Map<String, AgentCheckBody> body = new LinkedHashMap<>();
        checks.stream().filter(check -> acl.mayRead(token, check)).forEach(check -> body.put(check.id(),
                AgentCheckBody.of(agent.nodeName(), check,
                        state.service(check.serviceId()).map(LocalService::definition).orElse(null))));
        return filtered(request, body, body.size() < checks.size());
    }

    CompletionStage<Response> registerService(Request request) {
        ServiceDefinition service = parse(() -> DefinitionParser.service(text(request)));
        acl.requireRegister(request, service);
        local.registerService(service, request.flag("replace-existing-checks"), Origin.API,
                request.presentedSecret());
        return ok();
    }

    CompletionStage<Response> deregisterService(Request request) {
        acl.requireServiceUpdate(request, request.argument());
        local.deregisterService(request.argument());
        return ok();
    }

    CompletionStage<Response> serviceMaintenance(Request request) {
        acl.requireServiceUpdate(request, request.argument());
        local.serviceMaintenance(request.argument(), enable(request), request.param("reason").orElse(""));
        return ok();
    }

    CompletionStage<Response> nodeMaintenance(Request request) {
        acl.requireNodeWrite(request);
        local.nodeMaintenance(enable(request), request.param("reason").orElse(""));
        return ok();
    }

    CompletionStage<Response> registerCheck(Request request) {
        CheckDefinition check = parse(() -> DefinitionParser.check(text(request)));
        acl.requireRegister(request, check);
        local.registerCheck(check, Origin.API);
        return ok();
    }

    CompletionStage<Response> deregisterCheck(Request request) {
        acl.requireCheckUpdate(request, request.argument());
        local.deregisterCheck(request.argument());
        return ok();
    }

    CompletionStage<Response> ttl(Request request, CheckStatus status) {
        acl.requireCheckUpdate(request, request.argument());
        local.updateTtl(request.argument(), status, request.param("note").orElse(""));
        return ok();
    }

    CompletionStage<Response> updateCheck(Request request) {
        CheckUpdate update = request.body().length == 0 ? new CheckUpdate("", "") : request.body(CheckUpdate.class);
        String text = update.status() == null ? "" : update.status();
        CheckStatus status = CheckStatus.parse(text)
                .orElseThrow(() -> HttpException.badRequest("Invalid check status: '" + text + "'"));
        acl.requireCheckUpdate(request, request.argument());
        local.updateTtl(request.argument(), status, update.output() == null ? "" : update.output());
        return ok();
    }

    /** Needs {@code agent:write} on this agent, as in Consul. */
    CompletionStage<Response> reload(Request request) {
        if (!request.acl().agentWrite(agent.nodeName())) {
            throw request.permissionDenied("agent:write", agent.nodeName());
        }
        List<String> problems = reload.get();
        if (!problems.isEmpty()) {
            throw new HttpException(500, "Failed reloading: " + String.join("; ", problems));
        }
        return ok();
    }

    /** Consul reads {@code enable} with Go's {@code strconv.ParseBool}. */
    private static boolean enable(Request request) {
        String value = request.param("enable")
                .orElseThrow(() -> HttpException.badRequest("Missing value for enable"));
        return switch (value) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw HttpException.badRequest("Invalid value for enable");
        };
    }

    private interface Parse<T> {
        T get() throws DefinitionException;
    }

    private static <T> T parse(Parse<T> parse) {
        try {
            return parse.get();
        } catch (DefinitionException e) {
            throw HttpException.badRequest(e.getMessage());
        }
    }

    private static String text(Request request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    private static CompletionStage<Response> filtered(Request request, Object body, boolean removed) {
        return CompletableFuture.completedFuture(request.filteredByAcls(Response.json(body), removed));
    }

    private static CompletionStage<Response> ok() {
        return CompletableFuture.completedFuture(Response.ok());
    }
}
