package io.doorstep.gateway;

/**
 * A restart asked from the technician console, to apply an imported configuration. The gateway
 * cannot start itself again in its own process without reopening every line and port in a
 * half-closed state; it leaves instead, with {@link #EXIT_CODE}, and whatever supervises it
 * starts it again from its files: systemd ({@code Restart=on-failure}) in production, the
 * {@code doorstep} launcher for {@code demo} and {@code run}. A gateway started by a program that
 * embeds it (the tests) is given no way to leave, and the console says so.
 */
public final class Restarts {
  /** The process's exit status that asks its supervisor to start it again. */
  public static final int EXIT_CODE = 3;

  private volatile Runnable leave;

  /** Given by whoever can start the gateway again: what leaves the process. */
  public void handOver(Runnable leave) {
    this.leave = leave;
  }

  /** Whether a restart can be asked at all. */
  public boolean available() {
    return leave != null;
  }

  /**
   * Leaves the process, to be started again.
   *
   * @throws IllegalStateException when nothing would start it again
   */
  public void request() {
    Runnable l = leave;
    if (l == null) {
      throw new IllegalStateException("this gateway was started without a supervisor to start it again");
    }
    l.run();
  }
}
