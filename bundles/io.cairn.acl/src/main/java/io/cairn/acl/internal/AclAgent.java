package io.cairn.acl.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.AclToken;
import io.cairn.acl.api.Authorizer;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.acl.rules.Authorizers;
import io.cairn.acl.rules.DefaultPolicy;
import io.cairn.acl.rules.PolicyRules;
import io.cairn.acl.rules.RulesException;
import io.cairn.acl.rules.RulesSyntax;
import io.cairn.acl.internal.http.AclEndpoints;
import io.cairn.agent.api.AgentInfo;
import io.cairn.go.lang.GoQuote;
import io.cairn.raft.api.RaftService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The agent's ACL state and its {@link AclResolver}: the {@link AclSettings}, the agent's {@link AgentTokens}, and
 * the resolution of secrets. Registered on every agent, also as itself for this bundle's endpoints and leader task.
 * <p>
 * Disabled, everything but ACL management is allowed. Enabled, a secret is resolved through the
 * {@link TokenSource}: on a server the replicated tables while its {@link RaftService} is bound, on a client agent
 * the servers ({@link RemoteTokenSource}); on a server of a secondary datacenter its tables, then the primary
 * ({@link SecondaryTokenSource}). Resolved tokens are cached
 * per secret until the source's {@linkplain TokenSource#version() version} moves or the token expires, so a cache
 * hit decodes nothing. The agent recovery token ({@code tokens.agent_recovery}) is resolved locally:
 * {@code agent:write} on this agent's node and {@code node:read}, as Consul grants it.
 */
@Component(service = {AclResolver.class, AclAgent.class}, configurationPid = AclSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AclConfig.class)
public final class AclAgent implements AclResolver {

    /** The accessor ID the agent recovery token resolves to. */
    public static final String AGENT_RECOVERY_ACCESSOR = "agent-recovery-token";
    static final String NO_SOURCE = "ACLs are enabled but this server cannot resolve tokens yet: its Raft state is "
            + "not available";
    private static final CompletionStage<ResolvedToken> ALLOW_ALL = CompletableFuture.completedStage(
            new ResolvedToken("", true, DefaultPolicy.ALLOW.authorizer()));

    private final AclSettings settings;
    private final AgentTokens tokens;
    private final String datacenter;
    private final Clock clock;
    private final CompletionStage<ResolvedToken> agentRecovery;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Optional<PrimaryApi> primary;
    private volatile TokenSource source;
    private volatile RaftService boundRaft;

    private record Cached(long version, Instant expiresAt, CompletionStage<ResolvedToken> token) {

        boolean validAt(long currentVersion, Instant now) {
            return version == currentVersion && (expiresAt == null || !expiresAt.isBefore(now));
        }
    }

    @Activate
    public AclAgent(@Reference AgentInfo agent, AclConfig config) {
        this(AclSettings.of(config, agent::secret), agent);
    }

    private AclAgent(AclSettings settings, AgentInfo agent) {
        this(settings, agent.nodeName(), agent.datacenter(), agent.dataDir(), Clock.systemUTC(),
                Optional.of(agent).filter(a -> settings.secondaryIn(a.datacenter())).map(a -> new PrimaryApi(
                        a.localHttpApi(), a.localHttpApiTls(), settings.primaryFor(a.datacenter()))));
        if (!agent.server()) {
            useSource(new RemoteTokenSource(agent.localHttpApi().resolve(AclEndpoints.GRANT_PATH),
                    agent.localHttpApiTls(), settings.downPolicy(), settings.tokenTtl(), Clock.systemUTC()));
        }
    }

    /**
     * The ACL state of an agent of {@code datacenter} named {@code nodeName}, keeping persisted tokens in
     * {@code dataDir} if {@code settings} asks to; no source until one is bound.
     */
    public AclAgent(AclSettings settings, String nodeName, String datacenter, Path dataDir, Clock clock) {
        this(settings, nodeName, datacenter, dataDir, clock, Optional.empty());
    }

    /** As above, in a secondary datacenter whose primary is reached through {@code primary}. */
    AclAgent(AclSettings settings, String nodeName, String datacenter, Path dataDir, Clock clock,
            Optional<PrimaryApi> primary) {
        this.settings = settings;
        this.tokens = new AgentTokens(settings.tokens(),
                settings.persistTokens() ? Optional.of(dataDir) : Optional.empty());
        this.datacenter = datacenter;
        this.clock = clock;
        this.primary = primary;
        this.agentRecovery = CompletableFuture.completedStage(new ResolvedToken(AGENT_RECOVERY_ACCESSOR, false,
                Authorizers.forRules(List.of(agentRecoveryRules(nodeName)), DefaultPolicy.DENY)));
    }

    private static PolicyRules agentRecoveryRules(String nodeName) {
        try {
            return PolicyRules.parse("agent " + GoQuote.quote(nodeName) + " {\n  policy = \"write\"\n}\n"
                    + "node_prefix \"\" {\n  policy = \"read\"\n}\n", RulesSyntax.CONSUL);
        } catch (RulesException e) {
            throw new IllegalStateException("The agent recovery rules do not parse", e);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRaft(RaftService raft) {
        boundRaft = raft;
        TokenSource replicated = new ReplicatedTokenSource(raft, datacenter, clock);
        useSource(primary.<TokenSource>map(api -> new SecondaryTokenSource(replicated,
                new RemoteTokenSource(api.uri(AclEndpoints.GRANT_PATH, AclEndpoints.GRANT_DATACENTER + "="
                        + datacenter), api.tls(), settings.downPolicy(), settings.tokenTtl(), clock),
                settings.tokenTtl(), clock)).orElse(replicated));
    }

    void unbindRaft(RaftService raft) {
        if (boundRaft == raft) {
            boundRaft = null;
            useSource(null);
        }
    }

    /** Resolves secrets through {@code tokenSource} from now on ({@code null}: none); drops the cache. */
    public void useSource(TokenSource tokenSource) {
        source = tokenSource;
        cache.clear();
    }

    /**
     * The primary datacenter's API when this agent is in a secondary datacenter with ACLs on; empty in the
     * primary.
     */
    public Optional<PrimaryApi> primary() {
        return primary;
    }

    /** This agent's datacenter. */
    public String datacenter() {
        return datacenter;
    }

    /** The settings this agent runs with. */
    public AclSettings settings() {
        return settings;
    }

    /** The agent's tokens. */
    public AgentTokens tokens() {
        return tokens;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public String defaultPolicy() {
        return settings.enabled() ? settings.defaultPolicy().name().toLowerCase(Locale.ROOT) : "allow";
    }

    @Override
    public String agentSecret() {
        AgentTokens.Values values = tokens.values();
        return values.agent().isEmpty() ? values.defaultToken() : values.agent();
    }

    @Override
    public CompletionStage<ResolvedToken> resolve(String secretId) {
        if (!settings.enabled()) {
            return ALLOW_ALL;
        }
        AgentTokens.Values agentTokens = tokens.values();
        String secret = !secretId.isEmpty() ? secretId
                : agentTokens.defaultToken().isEmpty() ? AclToken.ANONYMOUS_SECRET : agentTokens.defaultToken();
        if (!agentTokens.agentRecovery().isEmpty() && secret.equals(agentTokens.agentRecovery())) {
            return agentRecovery;
        }
        TokenSource current = source;
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(NO_SOURCE));
        }
        long version = current.version();
        Cached cached = cache.get(secret);
        if (cached != null && cached.validAt(version, clock.instant())) {
            return cached.token();
        }
        if (cached != null && cached.version() != version) {
            cache.clear();
        }
        return current.grant(secret).thenApply(grant -> {
            ResolvedToken token = new ResolvedToken(grant.accessorId(),
                    AclToken.ANONYMOUS_ID.equals(grant.accessorId()), compile(grant));
            cache.put(secret, new Cached(version, grant.expiresAt(), CompletableFuture.completedStage(token)));
            return token;
        });
    }

    private Authorizer compile(TokenSource.Grant grant) {
        return Authorizers.forRules(grant.rules(), settings.defaultPolicy());
    }
}
