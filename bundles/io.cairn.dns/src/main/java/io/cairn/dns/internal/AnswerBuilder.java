package io.cairn.dns.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.cairn.dns.api.DnsTarget;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** Turns resolver targets into the records of one question type. */
final class AnswerBuilder {

    private final DnsSettings settings;

    AnswerBuilder(DnsSettings settings) {
        this.settings = settings;
    }

    /**
     * The answers for {@code qtype}; empty if the name has no record of that type (NODATA).
     *
     * @param serviceTtl the TTL of service answers when the name sets its own (a prepared query's), else the
     *                   configured one
     */
    List<Answer> answers(Name qname, int qtype, List<DnsTarget> targets, OptionalLong serviceTtl, Name domain,
            String datacenter) {
        List<Answer> answers = new ArrayList<>();
        for (DnsTarget target : targets) {
            long ttl = target.kind() == DnsTarget.Kind.SERVICE && serviceTtl.isPresent() ? serviceTtl.getAsLong()
                    : ttl(target);
            if (qtype == Type.A || qtype == Type.AAAA || qtype == Type.ANY) {
                address(qname, target.address(), ttl)
                        .filter(r -> qtype == Type.ANY || r.getType() == qtype || r.getType() == Type.CNAME)
                        .ifPresent(r -> answers.add(Answer.of(r)));
            }
            if (target.kind() == DnsTarget.Kind.SERVICE && qtype == Type.SRV) {
                answers.add(srv(qname, target, ttl, domain, datacenter));
            }
            if (target.kind() == DnsTarget.Kind.NODE && (qtype == Type.TXT || qtype == Type.ANY)) {
                for (Map.Entry<String, String> meta : target.meta().entrySet()) {
                    answers.add(Answer.of(new TXTRecord(qname, DClass.IN, ttl, rfc1464(meta))));
                }
            }
        }
        return answers;
    }

    /** An A, AAAA or (for a host name) CNAME record for {@code address}; empty if it is neither. */
    static Optional<Record> address(Name name, String address, long ttl) {
        if (address == null || address.isEmpty()) {
            return Optional.empty();
        }
        byte[] v4 = Address.toByteArray(address, Address.IPv4);
        if (v4 != null) {
            return Optional.of(new ARecord(name, DClass.IN, ttl, inet(v4)));
        }
        byte[] v6 = Address.toByteArray(address, Address.IPv6);
        if (v6 != null) {
            return Optional.of(new AAAARecord(name, DClass.IN, ttl, inet(v6)));
        }
        try {
            return Optional.of(new CNAMERecord(name, DClass.IN, ttl, Name.fromString(address, Name.root)));
        } catch (TextParseException e) {
            return Optional.empty();
        }
    }

    /** The IP literal's bytes as lower-case hex ({@code 7f000001}), or empty if it is not an IP literal. */
    static Optional<String> hex(String address) {
        byte[] bytes = Address.toByteArray(address, Address.IPv4);
        if (bytes == null) {
            bytes = Address.toByteArray(address, Address.IPv6);
        }
        if (bytes == null) {
            return Optional.empty();
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b & 0xff));
        }
        return Optional.of(hex.toString());
    }

    private Answer srv(Name qname, DnsTarget target, long ttl, Name domain, String datacenter) {
        Optional<String> ownIp = target.address().equals(target.nodeAddress()) ? Optional.empty()
                : hex(target.address());
        String host = ownIp.map(h -> h + ".addr").orElse(target.node() + ".node");
        Name targetName = Name.fromConstantString(host + "." + datacenter + "." + domain);
        Record srv = new SRVRecord(qname, DClass.IN, ttl, 1, target.weight(), target.port(), targetName);
        List<Record> glue = new ArrayList<>();
        address(targetName, target.address(), ttl).ifPresent(glue::add);
        return new Answer(srv, glue);
    }

    private long ttl(DnsTarget target) {
        return switch (target.kind()) {
            case SERVICE -> settings.serviceTtl();
            case NODE -> settings.nodeTtl();
            case ADDRESS -> 0;
        };
    }

    /** RFC 1464 {@code key=value}; keys starting {@code rfc1035-} carry a raw value, as Consul does. */
    private static String rfc1464(Map.Entry<String, String> meta) {
        return meta.getKey().startsWith("rfc1035-") ? meta.getValue() : meta.getKey() + "=" + meta.getValue();
    }

    private static InetAddress inet(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("address of " + bytes.length + " bytes", e);
        }
    }
}
