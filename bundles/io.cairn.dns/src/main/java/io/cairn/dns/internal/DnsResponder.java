package io.cairn.dns.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

import io.cairn.dns.api.DnsNameResolver;
import io.cairn.dns.api.DnsQuery;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Answers one DNS message: wire bytes in, wire bytes out (or nothing, for packets not worth an answer). Never
 * throws: a malformed question gets FORMERR, an unsupported opcode NOTIMP, a failing resolver SERVFAIL.
 */
final class DnsResponder {

    private static final Name IN_ADDR = Name.fromConstantString("in-addr.arpa.");
    private static final Name IP6 = Name.fromConstantString("ip6.arpa.");
    private static final int HEADER_BYTES = 12;

    private final DnsSettings settings;
    private final Function<String, Optional<DnsNameResolver>> resolvers;
    private final ReverseLookup reverse;
    private final Forwarder forwarder;
    private final Random random;
    private final Clock clock;
    private final AnswerBuilder builder;
    private final Sizer sizer;

    DnsResponder(DnsSettings settings, Function<String, Optional<DnsNameResolver>> resolvers, ReverseLookup reverse,
            Forwarder forwarder, Random random, Clock clock) {
        this.settings = settings;
        this.resolvers = resolvers;
        this.reverse = reverse;
        this.forwarder = forwarder;
        this.random = random;
        this.clock = clock;
        this.builder = new AnswerBuilder(settings);
        this.sizer = new Sizer(settings);
    }

    /** The response to {@code wire}; empty for packets that get no answer (responses, runts). */
    Optional<byte[]> respond(byte[] wire, boolean tcp) {
        if (wire.length < HEADER_BYTES || (wire[2] & 0x80) != 0) {
            return Optional.empty(); // too short to carry an ID, or itself a response: answering could loop
        }
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException | RuntimeException e) {
            return Optional.of(error(wire, Rcode.FORMERR));
        }
        try {
            return answer(query, wire, tcp);
        } catch (RuntimeException e) {
            return Optional.of(error(wire, Rcode.SERVFAIL));
        }
    }

    private Optional<byte[]> answer(Message query, byte[] wire, boolean tcp) {
        Header header = query.getHeader();
        if (header.getOpcode() != Opcode.QUERY) {
            return Optional.of(error(wire, Rcode.NOTIMP));
        }
        if (header.getCount(Section.QUESTION) != 1) {
            return Optional.of(error(wire, Rcode.FORMERR));
        }
        Record question = query.getQuestion();
        Name qname = question.getName();
        int qtype = question.getType();
        if (question.getDClass() != DClass.IN && question.getDClass() != DClass.ANY) {
            return Optional.of(error(wire, Rcode.NOTIMP));
        }
        Optional<Name> domain = domainOf(qname);
        if (domain.isEmpty()) {
            if ((qname.subdomain(IN_ADDR) || qname.subdomain(IP6)) && (qtype == Type.PTR || qtype == Type.ANY)) {
                Optional<Message> ptr = ptr(query, qname);
                if (ptr.isPresent()) {
                    return Optional.of(ptr.get().toWire());
                }
            }
            return recurse(query, wire);
        }
        Message response = reply(query);
        response.getHeader().setFlag(Flags.AA);
        OPTRecord opt = query.getOPT();
        if (opt != null) {
            response.addRecord(new OPTRecord(Math.min(Math.max(512, opt.getPayloadSize()), Sizer.MAX_EDNS), 0, 0),
                    Section.ADDITIONAL);
        }
        Optional<ParsedName> parsed = ParsedName.parse(qname, domain.get(), f -> resolvers.apply(f).isPresent());
        if (parsed.isEmpty()) {
            return Optional.of(negative(response, domain.get(), Rcode.NXDOMAIN));
        }
        if (parsed.get().apex()) {
            return Optional.of(apex(response, qname, qtype, domain.get()));
        }
        // another datacenter's names are the resolvers' to answer (or not: NXDOMAIN) from that datacenter
        String datacenter = parsed.get().datacenter().orElse(settings.datacenter());
        Resolution resolution = resolve(parsed.get(), datacenter);
        if (resolution.targets().isEmpty()) {
            return Optional.of(negative(response, domain.get(), Rcode.NXDOMAIN));
        }
        List<Answer> answers = new ArrayList<>(builder.answers(qname, qtype, resolution.targets(),
                resolution.serviceTtl(), domain.get(), resolution.datacenter().orElse(datacenter)));
        if (answers.isEmpty()) {
            return Optional.of(negative(response, domain.get(), Rcode.NOERROR));
        }
        Collections.shuffle(answers, random);
        sizer.fill(response, qtype, answers, tcp, opt);
        return Optional.of(response.toWire());
    }

    /** What the name stands for; no targets if it does not exist. */
    private Resolution resolve(ParsedName name, String datacenter) {
        Optional<DnsNameResolver> resolver = resolvers.apply(name.form());
        if (resolver.isEmpty()) {
            return Resolution.NONE;
        }
        DnsQuery query = new DnsQuery(name.labels(), datacenter, settings.onlyPassing());
        try {
            if (resolver.get() instanceof TimedResolver timed) {
                return timed.resolveTimed(query).orElse(Resolution.NONE);
            }
            return resolver.get().resolve(query).map(Resolution::untimed).orElse(Resolution.NONE);
        } catch (IllegalArgumentException e) {
            return Resolution.NONE; // not a valid name of that form: it does not exist
        }
    }

    /** The domain (primary or alternative) {@code qname} lies in; the longer one wins if they nest. */
    private Optional<Name> domainOf(Name qname) {
        Optional<Name> alt = settings.altDomain().filter(qname::subdomain);
        Optional<Name> primary = Optional.of(settings.domain()).filter(qname::subdomain);
        if (alt.isPresent() && (primary.isEmpty() || alt.get().labels() > primary.get().labels())) {
            return alt;
        }
        return primary;
    }

    private byte[] apex(Message response, Name qname, int qtype, Name domain) {
        if (qtype == Type.SOA || qtype == Type.ANY) {
            response.addRecord(soa(domain), Section.ANSWER);
        }
        if (qtype == Type.NS || qtype == Type.ANY) {
            Name server = Name.fromConstantString(settings.nodeName() + ".node." + settings.datacenter() + "."
                    + domain);
            response.addRecord(new NSRecord(qname, DClass.IN, 0, server), Section.ANSWER);
            resolvers.apply("node").flatMap(r -> r.resolve(new DnsQuery(List.of(settings.nodeName()),
                    settings.datacenter(), false))).orElse(List.of()).stream()
                    .flatMap(t -> AnswerBuilder.address(server, t.address(), 0).stream())
                    .forEach(r -> response.addRecord(r, Section.ADDITIONAL));
        }
        if (response.getSection(Section.ANSWER).isEmpty()) {
            return negative(response, domain, Rcode.NOERROR);
        }
        return response.toWire();
    }

    private byte[] negative(Message response, Name domain, int rcode) {
        response.getHeader().setRcode(rcode);
        response.addRecord(soa(domain), Section.AUTHORITY);
        return response.toWire();
    }

    private SOARecord soa(Name domain) {
        return new SOARecord(domain, DClass.IN, 0, Name.fromConstantString("ns." + domain),
                Name.fromConstantString("hostmaster." + domain), clock.instant().getEpochSecond() & 0xffffffffL,
                3600, 600, 86400, 0);
    }

    private Optional<Message> ptr(Message query, Name qname) {
        Optional<InetAddress> address = ReverseNames.address(qname);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        List<Name> names = reverse.names(address.get(), settings.domain(), settings.datacenter());
        if (names.isEmpty()) {
            return Optional.empty();
        }
        Message response = reply(query);
        response.getHeader().setFlag(Flags.AA);
        for (Name name : names) {
            response.addRecord(new PTRRecord(qname, DClass.IN, settings.nodeTtl(), name), Section.ANSWER);
        }
        return Optional.of(response);
    }

    private Optional<byte[]> recurse(Message query, byte[] wire) {
        if (settings.recursors().isEmpty()) {
            Message refused = reply(query);
            refused.getHeader().setRcode(Rcode.REFUSED);
            return Optional.of(refused.toWire());
        }
        Optional<byte[]> forwarded = forwarder.forward(wire);
        if (forwarded.isPresent()) {
            return forwarded;
        }
        Message failed = reply(query);
        failed.getHeader().setRcode(Rcode.SERVFAIL);
        return Optional.of(failed.toWire());
    }

    private Message reply(Message query) {
        Message response = new Message(query.getHeader().getID());
        Header header = response.getHeader();
        header.setFlag(Flags.QR);
        if (query.getHeader().getFlag(Flags.RD)) {
            header.setFlag(Flags.RD);
        }
        if (!settings.recursors().isEmpty()) {
            header.setFlag(Flags.RA);
        }
        response.addRecord(query.getQuestion(), Section.QUESTION);
        return response;
    }

    /** A header-only response with {@code rcode}, built from the raw bytes since the message may not parse. */
    private static byte[] error(byte[] wire, int rcode) {
        byte[] out = new byte[HEADER_BYTES];
        out[0] = wire[0];
        out[1] = wire[1];
        out[2] = (byte) (0x80 | (wire[2] & 0x79)); // QR, keep opcode and RD
        out[3] = (byte) (rcode & 0x0f);
        return out;
    }
}
