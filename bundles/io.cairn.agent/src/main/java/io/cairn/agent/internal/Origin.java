package io.cairn.agent.internal;

/** Where a local service or check came from, which decides what a reload may replace. */
enum Origin {
    /** Registered over the HTTP API; survives reloads. */
    API,
    /** Read from the config dirs; replaced on every reload. */
    CONFIG,
    /** Added by maintenance mode; removed when maintenance ends. */
    MAINTENANCE
}
