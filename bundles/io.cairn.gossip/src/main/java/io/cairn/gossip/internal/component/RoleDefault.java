package io.cairn.gossip.internal.component;

/** A boolean setting whose default depends on whether the agent is a server, as Consul's leave settings do. */
final class RoleDefault {
    private RoleDefault() {
    }

    /**
     * @param value         {@code true}, {@code false}, or empty for the role's default
     * @param serverDefault the value on a server; a client agent's default is the opposite
     * @throws IllegalArgumentException for any other text, naming the setting
     */
    static boolean resolve(String setting, String value, boolean server, boolean serverDefault) {
        String text = value == null ? "" : value.trim();
        return switch (text) {
            case "" -> server == serverDefault;
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(setting + " must be true, false or empty (the role's "
                    + "default), not '" + value + "'");
        };
    }
}
