package io.cairn.cli.template;

import java.util.List;
import java.util.function.Consumer;

/** Delivers the signals {@code cairn template} handles itself: SIGINT, SIGTERM and SIGHUP. */
interface SignalSource {

  /** Calls {@code handler} with the signal's name ({@code INT}, {@code TERM}, {@code HUP}) each time one arrives. */
  void install(Consumer<String> handler);

  /**
   * This process's signals, through {@code sun.misc.Signal} (module jdk.unsupported): the JDK has no supported
   * API to catch SIGHUP, and without a handler SIGINT, SIGTERM and SIGHUP would all just end the JVM, leaving no
   * way to pass them on to an {@code -exec} child or to re-read the configuration.
   */
  @SuppressWarnings("restriction")
  static SignalSource process() {
    return handler -> {
      for (String name : List.of("INT", "TERM", "HUP")) {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> handler.accept(signal.getName()));
      }
    };
  }
}
