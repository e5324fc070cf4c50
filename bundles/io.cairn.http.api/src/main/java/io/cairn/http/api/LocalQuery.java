package io.cairn.http.api;

import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A read of data this agent keeps itself rather than of the replicated state (the user events it received), able
 * to block. It needs no Raft, so a client agent serves it too.
 * <p>
 * The server notes {@link #changeIndex()}, calls {@link #answer}, and if the request blocks ({@code ?index=N} and
 * the answer has not {@linkplain Answer#changedSince changed since} N) waits until the change index moves past the
 * one noted or {@code ?wait} elapses, then answers again; {@link Answer#indexSource()} plays no part.
 */
@ConsumerType
public interface LocalQuery {

    /**
     * Answers from the data as it is now. Throw {@link HttpException} to reject a bad request; it is called before
     * anything waits.
     */
    Answer answer(Request request);

    /** A number that grows whenever the data answers come from may have changed. */
    long changeIndex();

    /**
     * Completes with the new {@link #changeIndex()} once it is above {@code afterIndex} (at once if it already
     * is). The server cancels the future when it stops waiting; waiting must hold no thread.
     */
    CompletableFuture<Long> awaitChange(long afterIndex);
}
