package io.cairn.dns.internal;

import java.util.List;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Fits answers into a response: count limits first (a_record_limit, the UDP answer limit), then the byte limit
 * of the transport. The TC bit is set only when truncation is enabled, as Consul does: by default clients
 * silently get fewer records.
 */
final class Sizer {

    /** Largest EDNS payload we honour (65535 minus IP and UDP headers). */
    static final int MAX_EDNS = 65467;
    private static final int MAX_TCP = 65535;

    private final DnsSettings settings;

    Sizer(DnsSettings settings) {
        this.settings = settings;
    }

    /** Adds as many of {@code answers} (already shuffled) to {@code response} as the limits allow. */
    void fill(Message response, int qtype, List<Answer> answers, boolean tcp, OPTRecord opt) {
        int count = answers.size();
        if (settings.aRecordLimit() > 0 && (qtype == Type.A || qtype == Type.AAAA || qtype == Type.ANY)) {
            count = Math.min(count, settings.aRecordLimit());
        }
        int bytes;
        if (tcp) {
            count = Math.min(count, qtype == Type.SRV ? 1024 : 4096);
            bytes = MAX_TCP;
        } else if (opt == null) {
            count = Math.min(count, Math.max(1, Math.min(settings.udpAnswerLimit(), 8)));
            bytes = 512;
        } else {
            bytes = Math.min(Math.max(512, opt.getPayloadSize()), MAX_EDNS);
        }
        // Largest prefix that fits, by bisection: serialising once per candidate keeps big TCP answers cheap.
        int low = 0;
        int high = count;
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (size(response, answers.subList(0, mid)) <= bytes) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        add(response, answers.subList(0, low));
        if (low < answers.size() && settings.enableTruncate() && !tcp) {
            response.getHeader().setFlag(Flags.TC);
        }
    }

    private static int size(Message response, List<Answer> answers) {
        Message copy = response.clone();
        add(copy, answers);
        return copy.toWire().length;
    }

    private static void add(Message response, List<Answer> answers) {
        for (Answer answer : answers) {
            response.addRecord(answer.record(), Section.ANSWER);
            for (Record extra : answer.additional()) {
                // Two instances on one node share their glue record.
                if (!response.findRecord(extra, Section.ADDITIONAL)) {
                    response.addRecord(extra, Section.ADDITIONAL);
                }
            }
        }
    }
}
