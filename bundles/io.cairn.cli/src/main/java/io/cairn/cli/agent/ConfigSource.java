package io.cairn.cli.agent;

import java.nio.file.Path;

/** A {@code -config-file} or {@code -config-dir} argument; they are read in the order given. */
record ConfigSource(Path path, boolean directory) {}
