package io.cairn.replicate;

/**
 * One prefix to replicate, as consul-replicate's {@code -prefix "<source>@<datacenter>[:<destination>]"} says: the
 * keys under {@code source} in {@code datacenter} are copied under {@code destination} (by default the same prefix)
 * in the datacenter of the agent the replicator talks to.
 *
 * @param source      the key prefix read in the source datacenter, without a leading slash
 * @param datacenter  the source datacenter
 * @param destination the key prefix written in this datacenter, without a leading slash
 */
public record ReplicatedPrefix(String source, String datacenter, String destination) {

    /**
     * Reads {@code "global@dc1"} or {@code "global@dc1:default"}.
     *
     * @throws IllegalArgumentException when the datacenter is missing or a part is empty
     */
    public static ReplicatedPrefix parse(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("invalid prefix \"" + text + "\": name the source datacenter, as in "
                    + "\"global@dc1\" or \"global@dc1:default\"");
        }
        String source = trimSlash(text.substring(0, at));
        String rest = text.substring(at + 1);
        int colon = rest.indexOf(':');
        String datacenter = colon < 0 ? rest : rest.substring(0, colon);
        String destination = colon < 0 ? source : trimSlash(rest.substring(colon + 1));
        if (source.isEmpty() || datacenter.isEmpty() || destination.isEmpty()) {
            throw new IllegalArgumentException("invalid prefix \"" + text + "\": expected <source>@<datacenter>"
                    + "[:<destination>] with no empty part");
        }
        return new ReplicatedPrefix(source, datacenter, destination);
    }

    /** The key in this datacenter that mirrors {@code sourceKey}, a key under {@link #source}. */
    public String destinationKey(String sourceKey) {
        return destination + sourceKey.substring(source.length());
    }

    /** The key in the source datacenter that {@code destinationKey}, a key under {@link #destination}, mirrors. */
    public String sourceKey(String destinationKey) {
        return source + destinationKey.substring(destination.length());
    }

    @Override
    public String toString() {
        return source + "@" + datacenter + (destination.equals(source) ? "" : ":" + destination);
    }

    private static String trimSlash(String key) {
        return key.startsWith("/") ? key.substring(1) : key;
    }
}
