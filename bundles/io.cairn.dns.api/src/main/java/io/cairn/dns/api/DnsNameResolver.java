package io.cairn.dns.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Resolves one name form of the DNS interface, e.g. {@code <service>.service.<domain>}.
 * <p>
 * Register as a service with the property {@link #FORM} naming the form label ({@code dns.form=service}). The
 * server selects the resolver by the label that follows the instance labels of a question, after it has
 * removed the domain and the optional datacenter ({@code <dc>} or {@code <dc>.dc}). If several resolvers
 * claim a label, the one with the highest {@code service.ranking} wins. RFC 2782 questions without a form label
 * ({@code _web._tcp.<domain>}) go to the {@code service} resolver.
 * <p>
 * Resolvers are called on the server's worker threads and must answer from local state without a network round
 * trip (the catalog's {@code STALE} reads): DNS clients retry after about a second. A question may name another
 * datacenter ({@link DnsQuery#datacenter()}): a resolver answers it from that datacenter, whose servers it may then
 * ask within a bound of about that second, or answers empty (NXDOMAIN); it never answers it from this one's state.
 */
@ConsumerType
public interface DnsNameResolver {

    /** Service property: the form label this resolver answers, lower case ({@code service}, {@code node}). */
    String FORM = "dns.form";

    /**
     * The targets a name stands for.
     *
     * @return empty if the name does not exist (the server answers NXDOMAIN); a list, possibly empty, of what the
     *         name stands for otherwise. An empty list also yields NXDOMAIN, as Consul answers for a service
     *         with no healthy instance.
     * @throws IllegalArgumentException if the labels are not a valid name of this form (answered NXDOMAIN)
     */
    Optional<List<DnsTarget>> resolve(DnsQuery query);
}
