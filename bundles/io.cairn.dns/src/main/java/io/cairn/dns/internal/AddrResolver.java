package io.cairn.dns.internal;

import java.util.List;
import java.util.Optional;

import io.cairn.dns.api.DnsNameResolver;
import io.cairn.dns.api.DnsQuery;
import io.cairn.dns.api.DnsTarget;

import org.osgi.service.component.annotations.Component;

/** {@code <hex>.addr}: 8 hex digits are an IPv4 address, 32 an IPv6 address (the SRV targets we hand out). */
@Component(service = DnsNameResolver.class, property = DnsNameResolver.FORM + "=addr")
public final class AddrResolver implements DnsNameResolver {

    @Override
    public Optional<List<DnsTarget>> resolve(DnsQuery query) {
        if (query.labels().size() != 1) {
            return Optional.empty();
        }
        String hex = query.labels().get(0);
        if ((hex.length() != 8 && hex.length() != 32) || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        StringBuilder address = new StringBuilder();
        if (hex.length() == 8) {
            for (int i = 0; i < 8; i += 2) {
                address.append(i == 0 ? "" : ".").append(Integer.parseInt(hex.substring(i, i + 2), 16));
            }
        } else {
            for (int i = 0; i < 32; i += 4) {
                address.append(i == 0 ? "" : ":").append(hex, i, i + 4);
            }
        }
        String ip = address.toString();
        return Optional.of(List.of(new DnsTarget(DnsTarget.Kind.ADDRESS, null, ip, ip, 0, 1, null)));
    }
}
