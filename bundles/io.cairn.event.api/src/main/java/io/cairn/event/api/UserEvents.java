package io.cairn.event.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * This agent's view of the cluster's user events. Firing broadcasts the event to every agent of the datacenter by
 * gossip (best effort, as Consul's Serf does it); each agent receives those whose filters match its node and its
 * own services, deciding once per event when it arrives (a later change of its services does not take a received
 * event back), and keeps the {@value #KEPT} most recent it received.
 */
@ProviderType
public interface UserEvents {

    /** How many of the most recent events each agent keeps. */
    int KEPT = 256;

    /** The most bytes an event's name and payload may take together. */
    int SIZE_LIMIT = 512;

    /**
     * The event name {@code cairn exec} (like {@code consul exec}) fires; such events go to the remote-exec
     * handler and are left out of {@code /v1/event/list}.
     */
    String REMOTE_EXEC = "_rexec";

    /**
     * Fires an event with a new ID. The stage completes with the event (logical time 0, as Consul answers) once it
     * is sent to the other agents; this agent has received it by then if its filters match it.
     *
     * @throws IllegalArgumentException (directly or through the stage) when the name is empty, name and payload
     *                                  exceed {@link #SIZE_LIMIT}, a filter is not a valid regular expression,
     *                                  or a tag filter comes without a service filter; the message says which
     */
    CompletionStage<UserEvent> fire(String name, byte[] payload, String nodeFilter, String serviceFilter,
            String tagFilter);

    /**
     * The events this agent received, in the order they arrived (which need not be the order of their logical
     * times: each agent fires with its own clock), internal ones ({@link #REMOTE_EXEC}) included.
     */
    CompletionStage<List<UserEvent>> received();

    /**
     * A number that grows whenever an event arrives; pass it to {@link #awaitChange}. It counts arrivals and has no
     * relation to the events' logical times.
     */
    long changeIndex();

    /**
     * Completes with the new {@link #changeIndex()} once it exceeds {@code afterIndex} (at once if it already
     * does). Cancel the future to stop waiting; waiting holds no thread.
     */
    CompletableFuture<Long> awaitChange(long afterIndex);
}
