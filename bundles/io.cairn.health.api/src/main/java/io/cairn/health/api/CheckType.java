package io.cairn.health.api;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of health check (HTTP, TCP, script, ...), contributed by its own bundle as a whiteboard service. The
 * engine ({@link HealthChecks}) owns everything around a run: when it happens (interval, first-run stagger), how
 * long it may take (timeout), how results become a status (success/failure thresholds), output truncation,
 * TTLs and deregistration of long-critical services. A check type only <em>runs one check once</em>.
 *
 * <h2>Service properties</h2>
 * <ul>
 * <li>{@value #TYPE} (String, required): the type's name, lower case, e.g. {@code http}. It is what
 * {@link CheckState#type()} reports and what error messages list. {@code ttl} is reserved: TTL checks are not
 * run, so the engine handles them itself.</li>
 * <li>{@value #FIELD} (String or String[], required): the {@link CheckDefinition} fields that select this type,
 * by their Consul names (e.g. {@code HTTP}, {@code TCP}, {@code DockerContainerID}), or the name of an
 * {@link CheckDefinition#extra() extra} field for a type Cairn's definition does not model. A definition selects
 * the type when <em>all</em> of its fields are {@linkplain CheckDefinition#isSet(String) set}. When several
 * types are selected the one with the most fields wins (a Docker check, {@code DockerContainerID} and
 * {@code Args}, beats a script check, {@code Args}); a tie is rejected as ambiguous.</li>
 * <li>{@code service.ranking}: among services with the same {@value #TYPE}, the highest-ranked one runs the
 * checks. If it goes away the next one takes over without the checks noticing.</li>
 * </ul>
 *
 * <h2>Coming and going</h2>
 * A check can only be registered while a type selects it; otherwise registration fails with a message listing
 * the installed types. When the last service of a type goes away, the checks of that type turn critical with an
 * output saying the type is not available; they resume running as soon as a service of that type is back.
 *
 * <h2>Running</h2>
 * {@link #run} is called on one of the engine's few scheduler threads, which are shared by all checks: it must
 * return promptly and finish its work asynchronously (non-blocking I/O, {@code HttpClient.sendAsync},
 * {@code Process.onExit}, ...). The engine never starts a second run of the same check before the previous one
 * completed or timed out.
 */
@ConsumerType
public interface CheckType {

    /** Service property: the name of the check type, e.g. {@code http}. */
    String TYPE = "check.type";

    /** Service property: the definition field(s) whose presence selects this type, e.g. {@code HTTP}. */
    String FIELD = "check.field";

    /**
     * Rejects a definition this type cannot run, before it is registered. The message should say what is
     * wrong and what is accepted; the engine reports it to the client (HTTP 400) prefixed with
     * {@code Invalid check: }. The default accepts everything.
     *
     * @throws IllegalArgumentException if the definition is not usable by this type
     */
    default void validate(CheckDefinition definition) {
    }

    /**
     * Runs the check once.
     *
     * <p>The stage completes with the status this run observed and its output. Output should be no longer than
     * the definition's {@link CheckDefinition#outputMaxSize()}: read at most that much of a response body or a
     * process's output (the engine truncates longer output anyway, keeping its end). Failures to reach the
     * target (connection refused, unknown host, ...) are results, not exceptions: complete with a
     * {@link CheckStatus#CRITICAL critical} result whose output says what happened. A stage that completes
     * exceptionally, or an exception thrown by this method, is turned into a critical result with the
     * exception's message.
     *
     * <p>The engine gives up after {@code timeout} (marking the run critical) and then cancels the stage's
     * {@code CompletableFuture} if it has one; implementations should still apply the timeout to their own I/O so
     * that nothing stays open.
     *
     * @param definition the check to run, as registered
     * @param timeout    how long the run may take (the definition's timeout, or the engine's default)
     */
    CompletionStage<CheckResult> run(CheckDefinition definition, Duration timeout);
}
