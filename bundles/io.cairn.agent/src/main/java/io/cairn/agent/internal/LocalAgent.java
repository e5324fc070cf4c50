package io.cairn.agent.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.cairn.agent.definitions.Definitions;
import io.cairn.agent.definitions.ServiceDefinition;
import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckState;
import io.cairn.health.api.CheckStatus;
import io.cairn.health.api.HealthChecks;
import io.cairn.http.api.HttpException;

/**
 * What the agent's API does to its local services and checks, with Consul's rules and error texts. Checks are
 * run by the health-check engine when one is present; without it they keep their given (or initial) status.
 * Operations are serialised on this object, so the local state and the engine never disagree for long.
 */
final class LocalAgent {
    private final LocalState state;
    private final Supplier<HealthChecks> engine;
    private final boolean enableScriptChecks;
    private final boolean enableLocalScriptChecks;

    /**
     * @param engine                  the health-check engine now, or {@code null} while there is none
     * @param enableScriptChecks      whether script checks may be registered at all (API and config files)
     * @param enableLocalScriptChecks whether script checks may come from config files
     */
    LocalAgent(LocalState state, Supplier<HealthChecks> engine, boolean enableScriptChecks,
            boolean enableLocalScriptChecks) {
        this.state = state;
        this.engine = engine;
        this.enableScriptChecks = enableScriptChecks;
        this.enableLocalScriptChecks = enableLocalScriptChecks;
    }

    LocalState state() {
        return state;
    }

    /** Registers {@code service} without a token of its own: the agent's token syncs it. */
    void registerService(ServiceDefinition service, boolean replaceExistingChecks, Origin origin) {
        registerService(service, replaceExistingChecks, origin, "");
    }

    /** Registers {@code service}, synced to the catalog as the ACL token {@code token} ({@code ""}: the agent's). */
    synchronized void registerService(ServiceDefinition service, boolean replaceExistingChecks, Origin origin,
            String token) {
        if (service.hasScriptCheck()) {
            allowScripts(origin);
        }
        List<LocalCheck> previous = state.checksOf(service.id()).stream()
                .filter(c -> c.origin() != Origin.MAINTENANCE).toList();
        List<LocalCheck> added = registerAll(service.checks(), previous, origin);
        state.putService(new LocalService(withoutChecks(service), origin, token));
        added.forEach(state::putCheck);
        if (replaceExistingChecks) {
            Set<String> kept = new HashSet<>(added.stream().map(LocalCheck::id).toList());
            previous.stream().filter(c -> !kept.contains(c.id())).forEach(c -> dropCheck(c.id()));
        }
    }

    synchronized void deregisterService(String id) {
        requireService(id);
        state.checksOf(id).forEach(check -> dropCheck(check.id()));
        state.removeService(id);
    }

    synchronized void registerCheck(CheckDefinition check, Origin origin) {
        if (!check.serviceId().isEmpty() && state.service(check.serviceId()).isEmpty()) {
            throw HttpException.notFound("ServiceID \"" + check.serviceId() + "\" does not exist");
        }
        if (check.isScript()) {
            allowScripts(origin);
        }
        state.check(check.id()).ifPresent(old -> {
            if (old.origin() == Origin.MAINTENANCE) {
                throw HttpException.badRequest("Check ID \"" + check.id() + "\" is reserved for maintenance mode");
            }
        });
        registerAll(List.of(check), state.check(check.id()).stream().toList(), origin).forEach(state::putCheck);
    }

    synchronized void deregisterCheck(String id) {
        if (state.check(id).isEmpty()) {
            throw unknownCheck(id);
        }
        dropCheck(id);
    }

    /** A TTL check's new status and output ({@code /v1/agent/check/pass|warn|fail|update}). */
    synchronized void updateTtl(String id, CheckStatus status, String output) {
        LocalCheck check = state.check(id).orElseThrow(() -> unknownCheck(id));
        if (!check.definition().isTtl()) {
            throw new HttpException(500, "CheckID \"" + id + "\" does not have associated TTL");
        }
        HealthChecks checks = engine.get();
        if (checks == null) {
            state.putCheck(check.withState(check.type(), status, output));
            return;
        }
        try {
            state.putCheck(EngineChecks.withState(check, checks.updateTtl(id, status, output)));
        } catch (NoSuchElementException e) {
            throw HttpException.notFound(e.getMessage());
        } catch (IllegalStateException e) {
            throw new HttpException(500, e.getMessage());
        }
    }

    synchronized void serviceMaintenance(String serviceId, boolean enable, String reason) {
        requireService(serviceId);
        String checkId = Maintenance.serviceCheckId(serviceId);
        if (enable && state.check(checkId).isEmpty()) {
            state.putCheck(Maintenance.serviceCheck(serviceId, reason));
        } else if (!enable && state.check(checkId).isPresent()) {
            state.removeCheck(checkId);
        }
    }

    synchronized void nodeMaintenance(boolean enable, String reason) {
        if (enable && state.check(Maintenance.NODE_CHECK_ID).isEmpty()) {
            state.putCheck(Maintenance.nodeCheck(reason));
        } else if (!enable && state.check(Maintenance.NODE_CHECK_ID).isPresent()) {
            state.removeCheck(Maintenance.NODE_CHECK_ID);
        }
    }

    /**
     * Makes the definitions from config files current: registers them, and removes what an earlier load
     * registered and these no longer define. A definition the agent refuses does not stop the others.
     *
     * @return the refusals, each naming the service or check
     */
    synchronized List<String> loadConfig(Definitions definitions) {
        Set<String> serviceIds = new HashSet<>(definitions.services().stream().map(ServiceDefinition::id).toList());
        Set<String> checkIds = new HashSet<>(definitions.checks().stream().map(CheckDefinition::id).toList());
        LocalState.Snapshot before = state.snapshot();
        before.services().stream().filter(s -> s.origin() == Origin.CONFIG && !serviceIds.contains(s.id()))
                .forEach(s -> deregisterService(s.id()));
        before.checks().stream().filter(c -> c.origin() == Origin.CONFIG && c.serviceId().isEmpty()
                && !checkIds.contains(c.id())).forEach(c -> dropCheck(c.id()));
        List<String> refusals = new ArrayList<>();
        for (ServiceDefinition service : definitions.services()) {
            try {
                registerService(service, true, Origin.CONFIG);
            } catch (HttpException e) {
                refusals.add("service \"" + service.id() + "\": " + e.getMessage());
            }
        }
        for (CheckDefinition check : definitions.checks()) {
            try {
                registerCheck(check, Origin.CONFIG);
            } catch (HttpException e) {
                refusals.add("check \"" + check.id() + "\": " + e.getMessage());
            }
        }
        return refusals;
    }

    /** The engine reported a new status or output for a check. */
    synchronized void checkChanged(CheckState engineState) {
        state.check(engineState.checkId()).filter(c -> c.origin() != Origin.MAINTENANCE)
                .ifPresent(check -> state.putCheck(EngineChecks.withState(check, engineState)));
    }

    /** A check stayed critical past its DeregisterCriticalServiceAfter: its service goes, as in Consul. */
    synchronized void criticalTooLong(CheckState engineState) {
        if (state.service(engineState.serviceId()).isPresent()) {
            deregisterService(engineState.serviceId());
        }
    }

    /** An engine appeared: it takes over every local check (maintenance checks are not run). */
    synchronized void engineArrived(HealthChecks checks) {
        for (LocalCheck check : state.snapshot().checks()) {
            if (check.origin() == Origin.MAINTENANCE) {
                continue;
            }
            try {
                state.putCheck(EngineChecks.withState(check, checks.register(check.definition())));
            } catch (IllegalArgumentException e) {
                state.putCheck(check.withState(check.type(), CheckStatus.CRITICAL, e.getMessage()));
            }
        }
    }

    /** Registers checks with the engine; if one is refused, undoes the others and fails with the engine's text. */
    private List<LocalCheck> registerAll(List<CheckDefinition> checks, List<LocalCheck> previous, Origin origin) {
        HealthChecks runner = engine.get();
        List<LocalCheck> added = new ArrayList<>();
        for (CheckDefinition check : checks) {
            LocalCheck local = LocalCheck.initial(check, origin);
            if (runner == null) {
                added.add(local);
                continue;
            }
            try {
                added.add(EngineChecks.withState(local, runner.register(check)));
            } catch (IllegalArgumentException e) {
                added.forEach(done -> restore(runner, done.id(), previous));
                throw HttpException.badRequest(e.getMessage());
            }
        }
        return added;
    }

    private void restore(HealthChecks runner, String id, List<LocalCheck> previous) {
        Optional<LocalCheck> before = previous.stream().filter(c -> c.id().equals(id)).findFirst();
        if (before.isPresent()) {
            runner.register(before.get().definition());
        } else {
            runner.deregister(id);
        }
    }

    private void dropCheck(String id) {
        HealthChecks runner = engine.get();
        if (runner != null) {
            runner.deregister(id);
        }
        state.removeCheck(id);
    }

    private void allowScripts(Origin origin) {
        if (origin == Origin.CONFIG && !enableScriptChecks && !enableLocalScriptChecks) {
            throw HttpException.badRequest("Scripts are disabled on this agent; to enable, configure"
                    + " 'enable_script_checks' or 'enable_local_script_checks' to true");
        }
        if (origin != Origin.CONFIG && !enableScriptChecks) {
            throw HttpException.badRequest("Scripts are disabled on this agent from remote calls; to enable,"
                    + " configure 'enable_script_checks' to true");
        }
    }

    private void requireService(String id) {
        if (state.service(id).isEmpty()) {
            throw HttpException.notFound("Unknown service ID \"" + id
                    + "\". Ensure that the service ID is passed, not the service name.");
        }
    }

    private static HttpException unknownCheck(String id) {
        return HttpException.notFound("Unknown check ID \"" + id
                + "\". Ensure that the check ID is passed, not the check name.");
    }

    private static ServiceDefinition withoutChecks(ServiceDefinition s) {
        return new ServiceDefinition(s.kind(), s.id(), s.name(), s.tags(), s.address(), s.taggedAddresses(),
                s.meta(), s.port(), s.socketPath(), s.enableTagOverride(), s.weights(), List.of());
    }
}
