package io.doorstep.bench.wiegand;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import io.doorstep.drivers.gpio.BoothGpioDriver;
import io.doorstep.drivers.gpio.BoothLayout;
import io.doorstep.drivers.gpio.GpioStats;
import io.doorstep.drivers.gpio.codec.BitCollector;
import io.doorstep.drivers.gpio.codec.WiegandBits;
import io.doorstep.drivers.gpio.codec.WiegandCodec;
import io.doorstep.drivers.gpio.codec.WiegandFrame;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Wiegand decoding on Pi4J's mock platform at the interface's pulse timing: a reader thread
 * pulls D0 and D1 low for 50 µs, one bit every 2 ms, through the same Pi4J listeners, hand-over
 * and timers as on a Pi; the driver asks a stub gateway about each card. Floor: zero frames lost.
 *
 * <p>Reported: frames sent, decoded to the right card, lost; the time from a frame's last pulse
 * to the card reaching the gateway, less the 25 ms of quiet that ends a frame (the driver's own
 * share); and the pure decode cost (collector and parity) per frame.
 */
public final class WiegandBench {
  private static final long GAP_NANOS = 25_000_000L;

  private WiegandBench() {}

  /** @return 0 when no frame sent at the right pace was lost, 1 when some were, 2 for bad arguments */
  public static int run(String[] args) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(BenchOptions.USAGE);
      return 2;
    }
    if (options.help()) {
      System.out.println(BenchOptions.USAGE);
      return 0;
    }
    Result result = measure(options);
    System.out.print(result.markdown(options));
    return result.lostClean() == 0 ? 0 : 1;
  }

  static Result measure(BenchOptions options) {
    List<WiegandFrame> frames = frames(options);
    long decodeNanos = pureDecodeNanos(frames);
    Vertx vertx = Vertx.vertx();
    Context pi4j = Pi4J.newContextBuilder()
        .add(new IdleHighMockInputs(), com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider.newInstance())
        .build();
    StubGateway gateway = new StubGateway();
    BoothLayout layout = new BoothLayout(List.of(), List.of(new BoothLayout.Reader("reader-1", 24, 25, null)),
        List.of(), List.of(), List.of(), BoothLayout.Timing.DEFAULTS);
    BoothGpioDriver driver = new BoothGpioDriver(vertx, layout, gateway);
    try {
      await(driver.start(() -> pi4j));
      ReaderLine reader = new ReaderLine(pi4j, 24, 25, options.pulseUs(), options.spacingUs());
      Histogram afterGap = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
      int decoded = 0;
      int wrong = 0;
      int senderStalls = 0;
      int lostClean = 0;
      long start = System.nanoTime();
      for (WiegandFrame frame : frames) {
        int before = gateway.count();
        ReaderLine.Sent sent = reader.send(WiegandCodec.encode(frame));
        // A sender paused as long as the end gap has cut its own frame in two: the machine's
        // fault, not the decoder's, and counted apart.
        boolean stalled = sent.longestPauseNanos() >= GAP_NANOS;
        senderStalls += stalled ? 1 : 0;
        StubGateway.Card card = gateway.awaitAfter(before, sent.lastEdgeNanos() + GAP_NANOS + 2_000_000_000L);
        boolean right = card != null && card.text().equals(frame.cardText());
        if (right) {
          decoded++;
          afterGap.recordValue(Math.max(0, (card.nanos() - sent.lastEdgeNanos() - GAP_NANOS) / 1_000));
        } else if (card != null) {
          wrong++;
        }
        lostClean += right || stalled ? 0 : 1;
        // The next card comes once this one has surely ended, as at a real reader.
        ReaderLine.parkUntil(sent.lastEdgeNanos() + GAP_NANOS + 5_000_000L);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      GpioStats stats = driver.stats();
      return new Result(frames.size(), decoded, wrong, stats.dropped(), senderStalls, lostClean, afterGap, decodeNanos,
          seconds);
    } finally {
      await(driver.stop());
      await(vertx.close());
    }
  }

  private static List<WiegandFrame> frames(BenchOptions options) {
    SplittableRandom random = new SplittableRandom(options.seed());
    List<WiegandFrame> frames = new ArrayList<>(options.frames());
    for (int i = 0; i < options.frames(); i++) {
      boolean w26 = options.format() == 26 || options.format() == 0 && i % 2 == 0;
      frames.add(w26 ? new WiegandFrame.Wiegand26(random.nextInt(256), random.nextInt(65536))
          : new WiegandFrame.Wiegand34(random.nextLong(0x1_0000_0000L)));
    }
    return frames;
  }

  /** Collector and codec alone, fed synthetic edge times: what decoding costs a Pi's CPU. */
  private static long pureDecodeNanos(List<WiegandFrame> frames) {
    List<WiegandBits> bits = frames.stream().map(WiegandCodec::encode).toList();
    BitCollector collector = new BitCollector(GAP_NANOS);
    long t = 0;
    int sink = 0;
    long start = 0;
    int rounds = Math.max(20, 200_000 / frames.size());
    for (int round = 0; round < rounds; round++) {
      if (round == rounds / 2) {
        start = System.nanoTime(); // the first half warms the JIT up
      }
      for (WiegandBits b : bits) {
        for (int i = 1; i <= b.count(); i++) {
          BitCollector.Line line = b.bit(i) ? BitCollector.Line.D1 : BitCollector.Line.D0;
          collector.level(line, true, t);
          collector.level(line, false, t + 50_000);
          t += 2_000_000;
        }
        t += GAP_NANOS;
        sink += collector.endIfQuiet(t) == null ? 0 : 1;
      }
    }
    long elapsed = System.nanoTime() - start;
    if (sink == 0) {
      throw new IllegalStateException("nothing decoded");
    }
    return elapsed / ((long) (rounds - rounds / 2) * frames.size());
  }

  private static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** @param lostClean frames sent at the right pace and still not decoded to their card: the floor is 0 */
  record Result(int sent, int decoded, int wrong, long dropped, int senderStalls, int lostClean, Histogram afterGap,
      long pureDecodeNanos, double seconds) {

    int lost() {
      return sent - decoded;
    }

    String markdown(BenchOptions options) {
      StringBuilder out = new StringBuilder();
      out.append("Wiegand decode on the Pi4J mock platform\n\n");
      out.append("command: `doorstep bench wiegand ").append(options.commandLine()).append("`\n");
      out.append(String.format(Locale.ROOT, "java %s, %d cores, %s %s%n%n", System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch")));
      out.append("| measure | value |\n|---|---|\n");
      row(out, "frames sent (" + options.formatName() + ", " + options.pulseUs() + " µs pulses every "
          + options.spacingUs() + " µs)", Integer.toString(sent));
      row(out, "decoded to the right card", Integer.toString(decoded));
      row(out, "lost, of frames sent at the right pace (floor: 0)", Integer.toString(lostClean));
      row(out, "decoded to a wrong card", Integer.toString(wrong));
      row(out, "frames the sending thread paused ≥ 25 ms inside (the machine was busy; each is cut in two)",
          Integer.toString(senderStalls));
      row(out, "lost in all", Integer.toString(lost()));
      row(out, "dropped by the driver (length, parity, noise)", Long.toString(dropped));
      row(out, "last pulse to gateway, less the 25 ms end gap: p50 / p99 / max",
          String.format(Locale.ROOT, "%.2f / %.2f / %.2f ms", ms(afterGap.getValueAtPercentile(50)),
              ms(afterGap.getValueAtPercentile(99)), ms(afterGap.getMaxValue())));
      row(out, "pure decode (collector and parity) per frame", String.format(Locale.ROOT, "%.2f µs",
          pureDecodeNanos / 1000.0));
      row(out, "run time", String.format(Locale.ROOT, "%.1f s", seconds));
      return out.toString();
    }

    private static void row(StringBuilder out, String measure, String value) {
      out.append("| ").append(measure).append(" | ").append(value).append(" |\n");
    }

    private static double ms(long micros) {
      return micros / 1000.0;
    }
  }
}
