package io.cairn.health.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckState;
import io.cairn.health.api.CheckStateListener;
import io.cairn.health.api.CheckStatus;
import io.cairn.health.api.CheckType;
import io.cairn.health.api.HealthChecks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link HealthChecks} service: a thin shell around {@link CheckScheduler} that tracks {@link CheckType}
 * services as they come and go and fans changes out to {@link CheckStateListener} services.
 */
@Component(service = HealthChecks.class)
public final class HealthEngine implements HealthChecks {

    private static final Logger LOG = LoggerFactory.getLogger(HealthEngine.class);
    /** Runs only start I/O and record results, so a couple of threads serve any number of checks. */
    private static final int THREADS = 2;

    private final List<CheckStateListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<CheckType, String> names = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(THREADS, threads());
    private final CheckScheduler scheduler = new CheckScheduler(new ExecutorScheduling(executor),
            HealthEngine::randomStagger, new Fanout(listeners));
    /** This bundle's meters; published once a MeterRegistry service (the cairn-metrics feature) is bound. */
    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    private final HealthMetrics metrics = new HealthMetrics(meters, scheduler::states);
    /** The timed stand-in the scheduler got for each check type service. */
    private final Map<CheckType, CheckType> timed = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeCheckType", updated = "updatedCheckType")
    void addCheckType(CheckType type, Map<String, Object> properties) {
        String name = typeName(properties);
        if (name.isEmpty() || name.equals(TTL_TYPE)) {
            LOG.warn("Ignoring check type service {} with {}={}: it needs a name other than {}",
                    properties.get(Constants.SERVICE_ID), CheckType.TYPE, properties.get(CheckType.TYPE), TTL_TYPE);
            return;
        }
        List<String> fields = strings(properties.get(CheckType.FIELD));
        if (fields.isEmpty()) {
            LOG.warn("Check type {} has no {} property; no definition can select it", name, CheckType.FIELD);
        }
        names.put(type, name);
        CheckType runner = timed.computeIfAbsent(type, t -> metrics.timed(name, t));
        scheduler.typeAdded(name, new CheckTypeRegistry.Offer(runner, fields, ranking(properties),
                ((Number) properties.getOrDefault(Constants.SERVICE_ID, 0L)).longValue()));
    }

    void updatedCheckType(CheckType type, Map<String, Object> properties) {
        removeCheckType(type, properties);
        addCheckType(type, properties);
    }

    /** Uses the name the service was added with: on an update its properties may already name another type. */
    void removeCheckType(CheckType type, Map<String, Object> properties) {
        String name = names.remove(type);
        CheckType runner = timed.remove(type);
        if (name != null && runner != null) {
            scheduler.typeRemoved(name, runner);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeListener")
    void addListener(CheckStateListener listener) {
        listeners.add(listener);
    }

    void removeListener(CheckStateListener listener) {
        listeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeMeterRegistry")
    void addMeterRegistry(MeterRegistry registry) {
        meters.add(registry);
    }

    void removeMeterRegistry(MeterRegistry registry) {
        meters.remove(registry);
    }

    @Deactivate
    void deactivate() {
        scheduler.close();
        executor.shutdownNow();
    }

    @Override
    public CheckState register(CheckDefinition definition) {
        CheckState state = scheduler.register(definition);
        metrics.registered(state);
        return state;
    }

    @Override
    public boolean deregister(String checkId) {
        return scheduler.deregister(checkId);
    }

    @Override
    public CheckState updateTtl(String checkId, CheckStatus status, String output) {
        return scheduler.updateTtl(checkId, status, output);
    }

    @Override
    public Optional<CheckState> state(String checkId) {
        return scheduler.state(checkId);
    }

    @Override
    public List<CheckState> states() {
        return scheduler.states();
    }

    @Override
    public Map<String, List<String>> types() {
        return scheduler.types();
    }

    /** Consul waits a random part of the interval before a check's first run. */
    private static Duration randomStagger(Duration interval) {
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(Math.max(1, interval.toNanos())));
    }

    private static String typeName(Map<String, Object> properties) {
        Object name = properties.get(CheckType.TYPE);
        return name == null ? "" : name.toString().trim();
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    private static List<String> strings(Object value) {
        if (value instanceof String text) {
            return text.isBlank() ? List.of() : List.of(text.trim());
        }
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "cairn-health-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Hands each change to every listener bound at that moment. */
    private record Fanout(List<CheckStateListener> listeners) implements CheckStateListener {

        @Override
        public void checkChanged(CheckState state) {
            for (CheckStateListener listener : listeners) {
                try {
                    listener.checkChanged(state);
                } catch (RuntimeException e) {
                    LOG.warn("Health-check listener {} failed on check {}", listener, state.checkId(), e);
                }
            }
        }

        @Override
        public void criticalTooLong(CheckState state) {
            for (CheckStateListener listener : listeners) {
                try {
                    listener.criticalTooLong(state);
                } catch (RuntimeException e) {
                    LOG.warn("Health-check listener {} failed on check {}", listener, state.checkId(), e);
                }
            }
        }
    }
}
