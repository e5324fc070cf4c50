package io.cairn.catalog.internal;

import java.util.Locale;

/**
 * Layout of the one replicated table {@value #TABLE}. Node names and IDs cannot contain NUL, so NUL separates
 * key parts and a prefix ending in NUL selects exactly one node (or one service name) without catching
 * {@code node10} when asking for {@code node1}.
 * <ul>
 * <li>{@code n/<node>}: a {@link Stored.Node}</li>
 * <li>{@code s/<node>NUL<serviceID>}: a {@link Stored.Service}</li>
 * <li>{@code c/<node>NUL<checkID>}: a {@link Stored.Check}</li>
 * <li>{@code x/<lower-case service name>NUL<node>NUL<serviceID>}: empty value; finds a service's instances
 * without scanning all of them (Consul looks service names up case-insensitively)</li>
 * </ul>
 */
final class CatalogKeys {

    /** The replicated table holding the whole catalog; blocking queries watch all of it. */
    static final String TABLE = "catalog";

    static final String NODES = "n/";
    static final String SERVICES = "s/";
    static final String CHECKS = "c/";
    static final String BY_NAME = "x/";
    private static final char SEP = '\u0000';

    private CatalogKeys() {
    }

    static String node(String node) {
        return NODES + node;
    }

    static String service(String node, String serviceId) {
        return SERVICES + node + SEP + serviceId;
    }

    static String servicesOf(String node) {
        return SERVICES + node + SEP;
    }

    static String check(String node, String checkId) {
        return CHECKS + node + SEP + checkId;
    }

    static String checksOf(String node) {
        return CHECKS + node + SEP;
    }

    static String byName(String serviceName, String node, String serviceId) {
        return instancesOf(serviceName) + node + SEP + serviceId;
    }

    static String instancesOf(String serviceName) {
        return BY_NAME + serviceName.toLowerCase(Locale.ROOT) + SEP;
    }

    /** The {@code s/} key of the instance an {@code x/} key points at. */
    static String serviceKeyOfIndexEntry(String indexKey) {
        int nodeStart = indexKey.indexOf(SEP) + 1;
        return SERVICES + indexKey.substring(nodeStart);
    }

    /**
     * Whether a name can be used in a key: NUL would break the layout, and an unpaired UTF-16 surrogate (which a
     * JSON escape can send) has no UTF-8 form, so the stored key would lose it and collide with another name.
     */
    static boolean usable(String name) {
        if (name.indexOf(SEP) >= 0) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
