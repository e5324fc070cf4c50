package io.cairn.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** What a command may touch of its process: standard streams and environment (tests pass their own). */
public record Console(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {}
