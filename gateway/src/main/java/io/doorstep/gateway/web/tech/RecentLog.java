package io.doorstep.gateway.web.tech;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.LoggerFactory;

/**
 * The log's last lines in memory, so a technician can hand them to support when the gateway
 * logs only to the journal (no {@code logging.file}). Bounded: the oldest line goes first.
 */
public final class RecentLog extends AppenderBase<ILoggingEvent> {
  public static final int LINES = 5_000;
  private static final String NAME = "doorstep-recent";

  private final Deque<String> lines = new ArrayDeque<>();
  private final int capacity;
  private PatternLayoutEncoder encoder;

  private RecentLog(int capacity) {
    this.capacity = capacity;
  }

  /** The appender on the root logger, added at the first call. */
  public static synchronized RecentLog install() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root.getAppender(NAME) instanceof RecentLog existing) {
      return existing;
    }
    RecentLog log = new RecentLog(LINES);
    log.setContext(context);
    log.setName(NAME);
    log.encoder = new PatternLayoutEncoder();
    log.encoder.setContext(context);
    log.encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n%ex");
    log.encoder.start();
    log.start();
    root.addAppender(log);
    return log;
  }

  @Override
  protected void append(ILoggingEvent event) {
    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
    synchronized (lines) {
      if (lines.size() == capacity) {
        lines.removeFirst();
      }
      lines.addLast(line);
    }
  }

  /** Oldest first, each line ending in a newline. */
  public String text() {
    StringBuilder all = new StringBuilder();
    synchronized (lines) {
      lines.forEach(all::append);
    }
    return all.toString();
  }
}
