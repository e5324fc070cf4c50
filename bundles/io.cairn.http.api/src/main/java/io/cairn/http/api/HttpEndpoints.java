package io.cairn.http.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: a subsystem's HTTP endpoints. The server picks up every registered instance and drops
 * its routes when it goes away (a path with no routes left answers 404 again).
 */
@ConsumerType
public interface HttpEndpoints {

    /** Declares this subsystem's routes. Called once per registration. */
    void routes(RouteTable table);
}
