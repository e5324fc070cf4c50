package io.cairn.replicate;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Leader election among the replicators of one destination, as {@code consul lock} does it: a session with a TTL,
 * renewed in the background, acquires the lock key (with Consul's lock flags); a replicator that finds it held waits
 * with blocking queries until it is free. When the session is lost (not renewed in time, or invalidated) the
 * {@code onLost} callback runs, once. {@link #close} releases the lock before destroying the session, so that
 * another replicator may take over at once (Consul applies its lock delay only to invalidated sessions).
 */
final class LeaderLock implements AutoCloseable {
    /** Consul's {@code api.LockFlagValue}, which {@code consul lock} puts on its lock keys. */
    static final long LOCK_FLAGS = 0x2ddccbc058a50c18L;
    static final String SESSION_TTL = "15s";
    private static final long TTL_MILLIS = 15_000;
    private static final long RENEW_MILLIS = 5_000;

    private final ReplicaApi api;
    private final String key;
    private final ReplicateLog log;
    private final String session;
    private final ScheduledExecutorService renewals;
    private volatile long renewedAt = System.currentTimeMillis();
    private volatile boolean lost;

    private LeaderLock(ReplicaApi api, String key, ReplicateLog log, String session, Runnable onLost) {
        this.api = api;
        this.key = key;
        this.log = log;
        this.session = session;
        this.renewals = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cairn-replicate-session");
            thread.setDaemon(true);
            return thread;
        });
        renewals.scheduleWithFixedDelay(() -> renew(onLost), RENEW_MILLIS, RENEW_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Creates the session and keeps it alive; {@link #acquire} then takes the lock. */
    static LeaderLock open(ReplicaApi api, String key, String name, ReplicateLog log, Runnable onLost)
            throws IOException, InterruptedException {
        return new LeaderLock(api, key, log, api.createSession(name, SESSION_TTL), onLost);
    }

    /** Blocks until this session holds the lock. */
    void acquire(long retryMillis) throws IOException, InterruptedException {
        while (!api.acquire(key, session, LOCK_FLAGS)) {
            ReplicaApi.LockState state = api.lockState(key, 0);
            if (state.session().isPresent()) {
                log.info("(runner) waiting for the lock at \"" + key + "\", held by session "
                        + state.session().get());
                while (state.session().isPresent()) {
                    state = api.lockState(key, state.index());
                }
            } else {
                // Free but refused: the lock delay of a holder's invalidated session.
                Thread.sleep(retryMillis);
            }
        }
        log.info("(runner) holding the lock at \"" + key + "\"");
    }

    private void renew(Runnable onLost) {
        if (lost) {
            return;
        }
        try {
            if (api.renewSession(session)) {
                renewedAt = System.currentTimeMillis();
                return;
            }
            log.error("(runner) the session " + session + " is gone; the lock at \"" + key + "\" is lost");
        } catch (IOException e) {
            if (System.currentTimeMillis() - renewedAt < TTL_MILLIS) {
                log.warn("(runner) cannot renew the session " + session + ": " + e.getMessage());
                return;
            }
            log.error("(runner) the session " + session + " was not renewed within its TTL; the lock at \"" + key
                    + "\" is lost");
        } catch (InterruptedException e) {
            return;
        }
        lost = true;
        onLost.run();
    }

    /** Releases the lock and destroys the session; failures are logged (the session's TTL ends it anyway). */
    @Override
    public void close() {
        renewals.shutdownNow();
        boolean interrupted = Thread.interrupted();
        try {
            api.release(key, session);
            api.destroySession(session);
        } catch (IOException e) {
            log.warn("(runner) cannot release the lock at \"" + key + "\": " + e.getMessage());
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
