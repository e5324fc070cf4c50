package io.cairn.dns.internal;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.cairn.dns.api.DnsTarget;

/**
 * What a name stands for, with the TTL of its service answers when the name sets its own.
 *
 * @param targets    the targets; empty if the name does not exist
 * @param serviceTtl seconds; empty for the configured service TTL
 * @param datacenter the datacenter the targets' nodes are in, when it is not the one the name says (a prepared
 *                   query that failed over); empty otherwise
 */
record Resolution(List<DnsTarget> targets, OptionalLong serviceTtl, Optional<String> datacenter) {

    static final Resolution NONE = new Resolution(List.of(), OptionalLong.empty(), Optional.empty());

    Resolution {
        targets = List.copyOf(targets);
    }

    /** Targets answered with the configured TTLs. */
    static Resolution untimed(List<DnsTarget> targets) {
        return new Resolution(targets, OptionalLong.empty(), Optional.empty());
    }
}
