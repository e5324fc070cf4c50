package io.cairn.acl.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.acl.api.AclPolicy;
import io.cairn.acl.api.AclRole;
import io.cairn.acl.api.AclToken;
import io.cairn.raft.api.RaftService;

/**
 * Submits ACL changes to the Raft log as {@link AclCommand}s, checked on their face first. Each stage completes
 * once the change is applied on this server, and fails with Consul's text when it is refused.
 */
public final class AclWrites {

    /** How a refused bootstrap's message starts; Consul answers it with 403. */
    public static final String BOOTSTRAP_REFUSED = AclStore.BOOTSTRAP_REFUSED;

    private final RaftService raft;

    public AclWrites(RaftService raft) {
        this.raft = raft;
    }

    /** Creates {@code token} linked to global-management, unless bootstrap is done and not reset to {@code resetIndex}. */
    public CompletionStage<Void> bootstrap(AclToken token, long resetIndex) {
        return submit(AclCommand.bootstrap(token, resetIndex));
    }

    public CompletionStage<Void> createToken(AclToken token) {
        return submit(AclCommand.token(AclCommand.CREATE_TOKEN, token));
    }

    /** Changes the description, links and identities of an existing token. */
    public CompletionStage<Void> updateToken(AclToken token) {
        return submit(AclCommand.token(AclCommand.UPDATE_TOKEN, token));
    }

    public CompletionStage<Void> deleteToken(String accessorId) {
        return submit(AclCommand.delete(AclCommand.DELETE_TOKEN, accessorId));
    }

    public CompletionStage<Void> createPolicy(AclPolicy policy) {
        return submit(AclCommand.policy(AclCommand.CREATE_POLICY, policy));
    }

    public CompletionStage<Void> updatePolicy(AclPolicy policy) {
        return submit(AclCommand.policy(AclCommand.UPDATE_POLICY, policy));
    }

    public CompletionStage<Void> deletePolicy(String id) {
        return submit(AclCommand.delete(AclCommand.DELETE_POLICY, id));
    }

    public CompletionStage<Void> createRole(AclRole role) {
        return submit(AclCommand.role(AclCommand.CREATE_ROLE, role));
    }

    public CompletionStage<Void> updateRole(AclRole role) {
        return submit(AclCommand.role(AclCommand.UPDATE_ROLE, role));
    }

    public CompletionStage<Void> deleteRole(String id) {
        return submit(AclCommand.delete(AclCommand.DELETE_ROLE, id));
    }

    /** Checks policy rules as a policy write does; {@link IllegalArgumentException} with Consul's text. */
    public static void validateRules(String rules) {
        AclCommand.validateRules(rules);
    }

    private CompletionStage<Void> submit(AclCommand command) {
        try {
            command.validate();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return raft.submit(AclCommandHandler.COMMAND_TYPE, command.encode()).thenApply(result -> null);
    }
}
