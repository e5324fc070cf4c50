package io.cairn.dns.internal;

import java.net.InetAddress;
import java.util.List;

import org.xbill.DNS.Name;

/** Finds the names (nodes, then services) that own an address, for PTR answers. */
interface ReverseLookup {

    /** {@code <node>.node.<dc>.<domain>} and {@code <service>.service.<dc>.<domain>} names owning {@code address}. */
    List<Name> names(InetAddress address, Name domain, String datacenter);
}
