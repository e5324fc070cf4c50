package io.cairn.acl.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.cairn.acl.api.AclLink;
import io.cairn.acl.api.AclPolicy;
import io.cairn.acl.api.AclToken;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.StateView;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the leader, while ACLs are enabled: once a second creates what is missing of the built-ins (the
 * global-management policy, the anonymous token, the {@code tokens.initial_management} token) with one
 * {@code init} command, and deletes expired tokens with one {@code reap} command, as Consul's leader does. A new
 * leader catches up on its first round. In a secondary datacenter the primary owns the global tokens: the
 * initial management token is not created there and only expired local tokens are deleted, as in Consul.
 */
@Component(service = {})
public final class AclLeader {

    static final String ANONYMOUS_DESCRIPTION = "Anonymous Token";
    static final String INITIAL_MANAGEMENT_DESCRIPTION = "Initial Management Token";
    private static final Logger LOG = LoggerFactory.getLogger(AclLeader.class);
    private static final long TICK_MILLIS = 1000;

    private final RaftService raft;
    private final AclSettings settings;
    private final boolean secondary;
    private final Clock clock;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final ScheduledExecutorService executor;

    @Activate
    public AclLeader(@Reference RaftService raft, @Reference AclAgent acl) {
        this(raft, acl.settings(), acl.settings().secondaryIn(acl.datacenter()), Clock.systemUTC());
        executor.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * A task for {@code raft} under {@code settings}, in a secondary datacenter if {@code secondary}; ticks only
     * when {@link #tick()} is called.
     */
    AclLeader(RaftService raft, AclSettings settings, boolean secondary, Clock clock) {
        this.raft = raft;
        this.settings = settings;
        this.secondary = secondary;
        this.clock = clock;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cairn-acl-leader");
            t.setDaemon(true);
            return t;
        });
    }

    /** One round: submits what this leader's state lacks or has expired. */
    void tick() {
        try {
            if (!settings.enabled() || !raft.isLeader() || !inFlight.compareAndSet(false, true)) {
                return;
            }
            List<AclCommand> commands = raft.state().read(this::commands);
            if (commands.isEmpty()) {
                inFlight.set(false);
                return;
            }
            submitAll(commands, 0);
        } catch (RuntimeException e) {
            inFlight.set(false);
            LOG.warn("ACL leader round failed", e);
        }
    }

    private void submitAll(List<AclCommand> commands, int next) {
        if (next == commands.size()) {
            inFlight.set(false);
            return;
        }
        raft.submit(AclCommandHandler.COMMAND_TYPE, commands.get(next).encode()).whenComplete((r, e) -> {
            if (e != null) {
                inFlight.set(false);
                LOG.warn("Could not apply the ACL leader's {} command", commands.get(next).op(), e);
            } else {
                submitAll(commands, next + 1);
            }
        });
    }

    private List<AclCommand> commands(StateView state) {
        Instant now = clock.instant();
        List<AclCommand> commands = new ArrayList<>();
        List<AclToken> missing = new ArrayList<>();
        if (AclTables.token(state, AclToken.ANONYMOUS_ID).isEmpty()) {
            missing.add(new AclToken(AclToken.ANONYMOUS_ID, AclToken.ANONYMOUS_SECRET, ANONYMOUS_DESCRIPTION, null,
                    null, null, null, false, null, now.toString(), null, 0, 0));
        }
        String management = settings.initialManagement();
        if (!secondary && !management.isEmpty() && state.get(AclTables.SECRETS, management).isEmpty()) {
            missing.add(new AclToken(UUID.randomUUID().toString(), management, INITIAL_MANAGEMENT_DESCRIPTION,
                    List.of(new AclLink(AclPolicy.GLOBAL_MANAGEMENT_ID, "")), null, null, null, false, null,
                    now.toString(), null, 0, 0));
        }
        if (!missing.isEmpty() || AclTables.policy(state, AclPolicy.GLOBAL_MANAGEMENT_ID).isEmpty()) {
            commands.add(AclCommand.init(missing));
        }
        List<AclToken> expired = AclTables.storedTokens(state).filter(t -> t.isExpired(now))
                .filter(t -> !secondary || t.local()).toList();
        if (!expired.isEmpty()) {
            commands.add(AclCommand.reap(expired));
        }
        return commands;
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }
}
