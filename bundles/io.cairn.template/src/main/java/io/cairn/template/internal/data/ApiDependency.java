package io.cairn.template.internal.data;

import java.io.IOException;

/**
 * A dependency fetched with an HTTP {@code GET} against the agent's Consul API, normally as a blocking query.
 */
public interface ApiDependency extends Dependency {

    /**
     * The request path and query string, without the parameters the runner owns ({@code index}, {@code wait},
     * {@code stale}, {@code consistent}, the token), e.g.
     * {@code /v1/health/service/hopscotch?tag=prod&passing=1}. Path segments and query values are already
     * percent-encoded.
     */
    String path();

    /**
     * Whether the endpoint supports blocking queries. When {@code false} (the datacenter list, the agent's own
     * description) the endpoint ignores {@code index} and answers at once, so the runner must re-fetch it on a
     * timer instead (consul-template polls such endpoints every 15 s).
     */
    default boolean blocking() {
        return true;
    }

    /**
     * Turns a response into the value template functions see. Called with status 200, and with 404 (which the
     * Consul API uses for a missing key); any other status is an error the runner handles without calling this.
     *
     * @return the value, or {@code null} when the data is not there in a form a template can use yet, e.g.
     *         {@code key} on a key that does not exist (consul-template blocks rendering until it does): the
     *         runner then keeps the template waiting, exactly as if the data had not been fetched
     * @throws IOException if the body cannot be decoded; the runner reports it and retries the query
     */
    Object decode(int status, byte[] body) throws IOException;
}
