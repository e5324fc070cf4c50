package io.cairn.acl.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.cairn.acl.api.AclLink;
import io.cairn.acl.api.AclPolicy;
import io.cairn.acl.api.AclToken;
import io.cairn.acl.api.NodeIdentity;
import io.cairn.acl.api.ServiceIdentity;
import io.cairn.acl.rules.BuiltinRules;
import io.cairn.acl.rules.PolicyRules;
import io.cairn.raft.api.StateView;

/**
 * What one token is granted in one datacenter, before its rules are compiled: its own policies and its roles'
 * (rules text), and its own and its roles' identities. A server reads it from the replicated tables; a client agent
 * receives it from a server as JSON ({@code GET /v1/internal/acl/grant}) and compiles it the same way.
 *
 * @param accessorId        the token's accessor ID
 * @param expirationTime    RFC 3339 time the token expires at; {@code ""} for never
 * @param policies          the policies that apply in the datacenter (only their ID and rules matter)
 * @param serviceIdentities the service identities that apply in the datacenter
 * @param nodeIdentities    the node identities that apply in the datacenter
 */
public record TokenGrant(@JsonProperty("AccessorID") String accessorId,
        @JsonProperty("ExpirationTime") String expirationTime, @JsonProperty("Policies") List<AclPolicy> policies,
        @JsonProperty("ServiceIdentities") List<ServiceIdentity> serviceIdentities,
        @JsonProperty("NodeIdentities") List<NodeIdentity> nodeIdentities) {

    public TokenGrant {
        accessorId = accessorId == null ? "" : accessorId;
        expirationTime = expirationTime == null ? "" : expirationTime;
        policies = policies == null ? List.of() : List.copyOf(policies);
        serviceIdentities = serviceIdentities == null ? List.of() : List.copyOf(serviceIdentities);
        nodeIdentities = nodeIdentities == null ? List.of() : List.copyOf(nodeIdentities);
    }

    /** The grant of {@code token} in {@code datacenter}, its links followed in {@code state}. */
    public static TokenGrant of(StateView state, AclToken token, String datacenter) {
        Set<String> policyIds = new LinkedHashSet<>();
        List<ServiceIdentity> services = new ArrayList<>(token.serviceIdentities());
        List<NodeIdentity> nodes = new ArrayList<>(token.nodeIdentities());
        token.policies().forEach(link -> policyIds.add(link.id()));
        for (AclLink link : token.roles()) {
            AclTables.role(state, link.id()).ifPresent(role -> {
                role.policies().forEach(policy -> policyIds.add(policy.id()));
                services.addAll(role.serviceIdentities());
                nodes.addAll(role.nodeIdentities());
            });
        }
        List<AclPolicy> policies = policyIds.stream().map(id -> AclTables.policy(state, id)).flatMap(Optional::stream)
                .filter(policy -> policy.appliesIn(datacenter)).toList();
        return new TokenGrant(token.accessorId(), token.expirationTime(), policies,
                services.stream().filter(identity -> identity.appliesIn(datacenter)).toList(),
                nodes.stream().filter(identity -> identity.appliesIn(datacenter)).toList());
    }

    /** The grant with its rules parsed, as the resolver compiles it. */
    TokenSource.Grant compile() {
        List<PolicyRules> rules = new ArrayList<>();
        policies.forEach(policy -> rules.add(AclPolicy.GLOBAL_MANAGEMENT_ID.equals(policy.id())
                ? BuiltinRules.globalManagement() : AclCommand.validateRules(policy.rules())));
        serviceIdentities.forEach(identity -> rules.add(BuiltinRules.serviceIdentity(identity)));
        nodeIdentities.forEach(identity -> rules.add(BuiltinRules.nodeIdentity(identity)));
        return new TokenSource.Grant(accessorId, expirationTime.isEmpty() ? null : Instant.parse(expirationTime),
                rules);
    }
}
