package io.cairn.dns.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import org.xbill.DNS.Name;

/**
 * A question name inside one of our domains, split into instance labels, form label and datacenter.
 *
 * @param domain     the domain the question used (answers use it too)
 * @param labels     the labels before the form label, lower case
 * @param form       the form label ({@code service}, {@code node}, ...), empty for the domain apex
 * @param datacenter the datacenter named in the question, empty if none
 */
record ParsedName(Name domain, List<String> labels, String form, Optional<String> datacenter) {

    ParsedName {
        labels = List.copyOf(labels);
    }

    /** The form RFC 2782 names without a form label ({@code _web._tcp.consul.}) belong to. */
    static final String SERVICE_FORM = "service";

    /** True for the domain itself, which answers SOA and NS. */
    boolean apex() {
        return form.isEmpty() && labels.isEmpty();
    }

    /**
     * Splits {@code name}, which must be a subdomain of {@code domain}.
     *
     * @param knownForm whether a label is a form some resolver answers; the datacenter label can only be told
     *                  apart from a form label by this
     * @return empty if the name is inside the domain but fits no form (answered NXDOMAIN)
     */
    static Optional<ParsedName> parse(Name name, Name domain, Predicate<String> knownForm) {
        List<String> all = new ArrayList<>();
        int own = name.labels() - domain.labels();
        for (int i = 0; i < own; i++) {
            all.add(name.getLabelString(i).toLowerCase(Locale.ROOT));
        }
        if (all.isEmpty()) {
            return Optional.of(new ParsedName(domain, List.of(), "", Optional.empty()));
        }
        Optional<String> datacenter = Optional.empty();
        int n = all.size();
        if (n >= 3 && all.get(n - 1).equals("dc")) {
            datacenter = Optional.of(all.get(n - 2));
            all = all.subList(0, n - 2);
        } else if (n >= 2 && !knownForm.test(all.get(n - 1)) && knownForm.test(all.get(n - 2))) {
            datacenter = Optional.of(all.get(n - 1));
            all = all.subList(0, n - 1);
        } else if (n == 3 && rfc2782(all.subList(0, 2)) && !knownForm.test(all.get(2))) {
            datacenter = Optional.of(all.get(2));
            all = all.subList(0, 2);
        }
        n = all.size();
        if (rfc2782(all)) {
            return Optional.of(new ParsedName(domain, all, SERVICE_FORM, datacenter));
        }
        if (n >= 2 && knownForm.test(all.get(n - 1))) {
            return Optional.of(new ParsedName(domain, all.subList(0, n - 1), all.get(n - 1), datacenter));
        }
        return Optional.empty();
    }

    private static boolean rfc2782(List<String> labels) {
        return labels.size() == 2 && labels.get(0).startsWith("_") && labels.get(1).startsWith("_");
    }
}
