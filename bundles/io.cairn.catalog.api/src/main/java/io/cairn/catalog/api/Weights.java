package io.cairn.catalog.api;

/**
 * How much traffic an instance should get relative to others (DNS SRV weights), by health state.
 *
 * @param passing weight while all checks pass
 * @param warning weight while a check warns
 */
public record Weights(int passing, int warning) {

    /** Consul's default, used when a registration gives none. */
    public static final Weights DEFAULT = new Weights(1, 1);
}
