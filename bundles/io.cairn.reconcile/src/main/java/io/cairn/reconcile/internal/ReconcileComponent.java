package io.cairn.reconcile.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.cairn.agent.api.AgentInfo;
import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.catalog.api.Catalog;
import io.cairn.gossip.api.Membership;
import io.cairn.gossip.api.MembershipListener;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.RaftService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link MemberReconciler} while this server is the leader: a full reconciliation when it becomes leader
 * (after a barrier, so its replica holds everything committed before) and every {@value #FULL_SECONDS} seconds,
 * and each member's change as gossip reports it. All work runs in order on one thread; a failed full
 * reconciliation is tried again on the next tick.
 */
@Component(service = MembershipListener.class, property = Membership.POOL + "=" + Membership.LAN)
public final class ReconcileComponent implements MembershipListener {
    private static final Logger LOG = LoggerFactory.getLogger(ReconcileComponent.class);
    /** Consul's reconcile interval. */
    static final long FULL_SECONDS = 60;

    private final RaftService raft;
    private final Membership lan;
    private final MemberReconciler reconciler;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cairn-reconcile");
        thread.setDaemon(true);
        return thread;
    });
    /** The last piece of work; the next one starts when it is done. Only touched on the executor. */
    private CompletionStage<Void> tail = CompletableFuture.completedFuture(null);
    /** Set on the executor; read by queued work, which may run where the previous work completed. */
    private volatile boolean leading;
    /** Only touched on the executor. */
    private long lastFullNanos;
    /** Set when a full reconciliation failed, wherever it failed. */
    private volatile boolean fullNeeded;

    @Activate
    public ReconcileComponent(@Reference(target = "(" + AgentInfo.SERVER + "=true)") AgentInfo agent,
            @Reference RaftService raft,
            @Reference(target = "(!(" + Catalog.REMOTE + "=true))") Catalog catalog,
            @Reference(target = "(" + Membership.POOL + "=" + Membership.LAN + ")") Membership lan) {
        this.raft = raft;
        this.lan = lan;
        this.reconciler = new MemberReconciler(agent.nodeName(), agent.datacenter(), catalog, raft::removeServer);
        executor.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public void memberChanged(String pool, Member member, MemberStatus previous) {
        submit(() -> leading ? reconciler.reconcile(member) : CompletableFuture.completedFuture(null),
                "member " + member.name());
    }

    @Override
    public void memberRemoved(String pool, Member member) {
        submit(() -> leading ? reconciler.removed(member) : CompletableFuture.completedFuture(null),
                "removed member " + member.name());
    }

    private void tick() {
        boolean leader = raft.isLeader();
        if (leader && (!leading || fullNeeded
                || System.nanoTime() - lastFullNanos >= TimeUnit.SECONDS.toNanos(FULL_SECONDS))) {
            if (!leading) {
                LOG.info("Leader: reconciling the LAN gossip pool into the catalog");
            }
            lastFullNanos = System.nanoTime();
            fullNeeded = false;
            chain(() -> raft.barrier(Consistency.DEFAULT)
                    .thenCompose(ready -> reconciler.reconcileAll(lan.members()))
                    .exceptionally(failure -> {
                        fullNeeded = true;
                        throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
                    }), "full reconciliation");
        }
        leading = leader;
    }

    private void submit(Supplier<CompletionStage<Void>> work, String what) {
        try {
            executor.execute(() -> chain(work, what));
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Reconciliation stopped, {} skipped", what);
        }
    }

    /** Runs on the executor: starts {@code work} after the previous work is done. */
    private void chain(Supplier<CompletionStage<Void>> work, String what) {
        tail = tail.thenCompose(ignored -> work.get()).handle((ok, failure) -> {
            if (failure != null) {
                LOG.warn("Reconciling {} with the catalog failed: {}", what, failure.toString());
            }
            return null;
        });
    }
}
