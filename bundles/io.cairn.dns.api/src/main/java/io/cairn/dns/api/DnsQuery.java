package io.cairn.dns.api;

import java.util.List;

/**
 * One question, as a resolver sees it.
 *
 * @param labels      the labels before the form label, lower case, in question order: {@code [web]} for
 *                    {@code web.service.consul.}, {@code [beta, web]} for {@code beta.web.service.consul.},
 *                    {@code [_web, _beta]} for {@code _web._beta.service.consul.}
 * @param datacenter  the datacenter the question names, or the local one if it names none
 * @param onlyPassing whether instances with a warning check must be left out as well as critical ones
 *                    (configuration key {@code only.passing})
 */
public record DnsQuery(List<String> labels, String datacenter, boolean onlyPassing) {

    public DnsQuery {
        labels = List.copyOf(labels);
    }
}
