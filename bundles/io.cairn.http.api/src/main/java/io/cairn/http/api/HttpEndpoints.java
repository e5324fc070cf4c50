package io.cairn.http.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: a subsystem's HTTP endpoints. The server picks up every registered instance and drops
 * its routes when it goes away (a path with no routes left answers 404 again).
 * <p>
 * While the agent starts, the server answers a path no route serves with a retryable 503 instead of 404, until
 * the bundles of the boot features are started and no Declarative Services component that provides this service
 * waits for a reference (for at most a minute after the bundles started). Nothing else is waited for: register
 * this service as soon as the bundle starts and the references are bound, not later from a thread of its own,
 * and while what a route serves is not ready let its handler answer an error of its own.
 */
@ConsumerType
public interface HttpEndpoints {

    /** Declares this subsystem's routes. Called once per registration. */
    void routes(RouteTable table);
}
