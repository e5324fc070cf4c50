package io.cairn.acl.internal.http;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.internal.AclAgent;
import io.cairn.acl.internal.AgentTokens;
import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code PUT /v1/agent/token/<type>} on every agent: sets one of the agent's {@link AgentTokens} (Consul's types
 * and deprecated names), effective for the next request and persisted when {@code enable_token_persistence} is on.
 * Needs {@code acl:write}; 401 {@value AclResolver#ACL_DISABLED} while ACLs are disabled, 404
 * {@code Token "<type>" is unknown} for another type.
 */
@Component(service = HttpEndpoints.class)
public final class AgentTokenEndpoints implements HttpEndpoints {

    private final AclAgent acl;

    @Activate
    public AgentTokenEndpoints(@Reference AclAgent acl) {
        this.acl = acl;
    }

    /** The body: {@code {"Token": "..."}}. */
    record TokenJson(@JsonProperty("Token") String token) {
    }

    @Override
    public void routes(RouteTable table) {
        table.put("/v1/agent/token/", this::set);
    }

    CompletionStage<Response> set(Request request) {
        if (!acl.enabled()) {
            throw new HttpException(401, AclResolver.ACL_DISABLED);
        }
        if (!request.acl().aclWrite()) {
            throw request.permissionDenied("acl:write", null);
        }
        String type = AgentTokens.canonicalType(request.argument()).orElseThrow(() ->
                HttpException.notFound("Token \"" + request.argument() + "\" is unknown"));
        TokenJson body = request.body(TokenJson.class);
        try {
            acl.tokens().set(type, body == null || body.token() == null ? "" : body.token());
        } catch (UncheckedIOException e) {
            throw new HttpException(500, e.getMessage());
        }
        return CompletableFuture.completedFuture(Response.ok());
    }
}
