package io.cairn.dns.internal;

import java.util.List;
import java.util.OptionalLong;

import io.cairn.dns.api.DnsTarget;

/**
 * What a name stands for, with the TTL of its service answers when the name sets its own.
 *
 * @param targets    the targets; empty if the name does not exist
 * @param serviceTtl seconds; empty for the configured service TTL
 */
record Resolution(List<DnsTarget> targets, OptionalLong serviceTtl) {

    static final Resolution NONE = new Resolution(List.of(), OptionalLong.empty());

    Resolution {
        targets = List.copyOf(targets);
    }

    /** Targets answered with the configured TTLs. */
    static Resolution untimed(List<DnsTarget> targets) {
        return new Resolution(targets, OptionalLong.empty());
    }
}
