package io.cairn.dns.internal;

import java.util.List;

import org.xbill.DNS.Record;

/**
 * One answer record with the additional records that only make sense alongside it (an SRV record's glue), so
 * that trimming an answer also trims its glue.
 */
record Answer(Record record, List<Record> additional) {

    Answer {
        additional = List.copyOf(additional);
    }

    static Answer of(Record record) {
        return new Answer(record, List.of());
    }
}
