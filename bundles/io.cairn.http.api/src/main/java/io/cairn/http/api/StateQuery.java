package io.cairn.http.api;

import io.cairn.raft.api.StateView;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A read of the replicated state, answerable at any index and therefore able to block.
 * <p>
 * The server validates the request ({@link #watch}), waits for the consistency barrier, calls {@link #answer}
 * against one consistent view, and if the request blocks ({@code ?index=N} and the answer has not
 * {@linkplain Answer#changedSince changed since} N) waits until the watched part of the state changes or
 * {@code ?wait} elapses, then answers again. An answer whose index comes from more than the watched part names
 * those records ({@link Answer#indexedBy}), and the wait is on them instead: no query is held while the index it
 * would report has moved.
 */
@ConsumerType
public interface StateQuery {

    /**
     * The part of the state this request's answer and its index depend on, unless the answer says otherwise
     * ({@link Answer#indexedBy}). Throw {@link HttpException} here to reject a bad request before anything waits.
     */
    Watch watch(Request request);

    /** Computes the answer from one consistent view of the state. */
    Answer answer(Request request, StateView state);
}
