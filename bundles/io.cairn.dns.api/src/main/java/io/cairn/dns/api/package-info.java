/**
 * Extension point of the DNS interface: {@link io.cairn.dns.api.DnsNameResolver} services, one per name form
 * ({@code service}, {@code node}, {@code addr}, ...), turn the labels of a question into
 * {@link io.cairn.dns.api.DnsTarget}s; the DNS server owns the wire format, health-independent policy (limits,
 * TTLs, shuffling, truncation) and the SOA/NXDOMAIN rules.
 */
@Export
@Version("1.0.0")
package io.cairn.dns.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
