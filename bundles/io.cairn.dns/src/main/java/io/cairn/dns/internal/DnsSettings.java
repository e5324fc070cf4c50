package io.cairn.dns.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.xbill.DNS.Name;

/**
 * What the responder needs to know, already parsed (see {@link DnsConfig} for the meaning of each value).
 *
 * @param altDomain empty when no alternative domain is configured
 */
record DnsSettings(Name domain, Optional<Name> altDomain, String datacenter, String nodeName, long nodeTtl,
        long serviceTtl, int udpAnswerLimit, int aRecordLimit, boolean enableTruncate, boolean onlyPassing,
        List<InetSocketAddress> recursors, Duration recursorTimeout) {

    DnsSettings {
        recursors = List.copyOf(recursors);
    }
}
