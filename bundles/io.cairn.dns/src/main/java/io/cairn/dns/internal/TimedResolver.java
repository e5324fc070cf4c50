package io.cairn.dns.internal;

import java.util.List;
import java.util.Optional;

import io.cairn.dns.api.DnsNameResolver;
import io.cairn.dns.api.DnsQuery;
import io.cairn.dns.api.DnsTarget;

/**
 * A resolver of this bundle whose names carry their own TTL (a prepared query's {@code DNS.TTL}); the responder
 * asks it for a {@link Resolution} instead of bare targets.
 */
interface TimedResolver extends DnsNameResolver {

    /** As {@link #resolve}, with the TTL the name sets, if any. */
    Optional<Resolution> resolveTimed(DnsQuery query);

    @Override
    default Optional<List<DnsTarget>> resolve(DnsQuery query) {
        return resolveTimed(query).map(Resolution::targets);
    }
}
