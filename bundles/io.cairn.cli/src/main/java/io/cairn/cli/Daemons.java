package io.cairn.cli;

/** The background threads of long-running commands (session renewal, monitors): daemons, so they never keep the CLI alive. */
public final class Daemons {

  private Daemons() {}

  /** Starts {@code task} on a new daemon thread named {@code name}. */
  public static Thread start(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Interrupts {@code thread} if there is one. */
  public static void stop(Thread thread) {
    if (thread != null) {
      thread.interrupt();
    }
  }
}
