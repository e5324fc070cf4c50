package io.cairn.agent.definitions;

/**
 * DNS SRV weights of a service instance by health state.
 *
 * @param passing weight while every check passes (at least 1)
 * @param warning weight while a check warns (at least 0)
 */
public record Weights(int passing, int warning) {

    /** Consul's default, used when a definition gives none. */
    public static final Weights DEFAULT = new Weights(1, 1);
}
