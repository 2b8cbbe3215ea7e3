package io.doorstep.sim.estate;

import io.doorstep.sim.faceterminal.FaceTerminalSimulator;
import io.doorstep.sim.faceterminal.VerifyOutcome;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An estate's day of passages, compressed, played on face terminals: rush hours out in the
 * morning and in at night, a few strangers, some cards, now and then an e-bike at a
 * pedestrian lane. Who may appear where is the caller's data: give each gate every
 * resident, each unit door the residents of its building.
 */
public final class TrafficScenario implements AutoCloseable {

  private static final long TICK_MS = 20;
  private static final double SECONDS_PER_DAY = 24 * 3600;

  /** Someone who lives here; {@code cardUid} null for a resident without a card. */
  public record Resident(String personId, String cardUid) {
  }

  /** A terminal, who may appear at it, and how busy it is relative to the others. */
  public record Site(FaceTerminalSimulator terminal, List<Resident> residents, double weight) {
    public Site {
      Objects.requireNonNull(terminal, "terminal");
      residents = List.copyOf(residents);
      if (residents.isEmpty() || weight <= 0) {
        throw new IllegalArgumentException(terminal.sn() + ": needs residents and a weight > 0");
      }
    }
  }

  /** One passage, for a live display. */
  public record Passage(String sn, LocalTime clock, String method, String lane, String bodyType,
      String personId, VerifyOutcome outcome) {
  }

  /** Totals since start. */
  public record Stats(long presented, long opened, long denied, long decidedLocally,
      long failed) {
  }

  private final List<Site> sites;
  private final double totalWeight;
  private final Settings settings;
  private final Random random;
  private final AtomicLong presented = new AtomicLong();
  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong denied = new AtomicLong();
  private final AtomicLong local = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private ScheduledExecutorService timer;
  private volatile long startedNanos;

  private TrafficScenario(List<Site> sites, Settings settings) {
    if (sites.isEmpty()) {
      throw new IllegalArgumentException("a scenario needs at least one site");
    }
    this.sites = List.copyOf(sites);
    this.totalWeight = sites.stream().mapToDouble(Site::weight).sum();
    this.settings = settings;
    this.random = new Random(settings.seed);
  }

  public static Builder builder() {
    return new Builder();
  }

  public synchronized void start() {
    if (timer != null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "traffic-scenario");
      t.setDaemon(true);
      return t;
    });
    startedNanos = System.nanoTime();
    timer.scheduleAtFixedRate(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
  }

  /** Stops presenting; verifications already sent still finish. The terminals stay open. */
  public synchronized void stop() {
    if (timer == null) {
      return;
    }
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    timer = null;
  }

  @Override
  public void close() {
    stop();
  }

  /** The simulated time of day, for display; the day wraps around. */
  public LocalTime clockOfDay() {
    if (startedNanos == 0) {
      return settings.startAt;
    }
    double elapsedS = (System.nanoTime() - startedNanos) / 1e9;
    double simulatedS = elapsedS * SECONDS_PER_DAY / (settings.dayLength.toMillis() / 1000.0);
    long ofDay = (settings.startAt.toSecondOfDay() + (long) simulatedS) % (long) SECONDS_PER_DAY;
    return LocalTime.ofSecondOfDay(ofDay);
  }

  public Stats stats() {
    return new Stats(presented.get(), opened.get(), denied.get(), local.get(), failed.get());
  }

  private void tick() {
    LocalTime clock = clockOfDay();
    double expected = settings.peakRatePerS * settings.curve.loadAt(clock) * TICK_MS / 1000.0;
    int n = poisson(expected);
    for (int i = 0; i < n; i++) {
      present(clock);
    }
  }

  private void present(LocalTime clock) {
    Site site = pickSite();
    Resident resident = site.residents().get(random.nextInt(site.residents().size()));
    String lane = random.nextDouble() < settings.curve.outShareAt(clock) ? "out" : "in";
    String bodyType = random.nextDouble() < settings.ebikeRatio ? "ebike" : "pedestrian";
    FaceTerminalSimulator terminal = site.terminal();
    double roll = random.nextDouble();
    CompletableFuture<VerifyOutcome> outcome;
    String method;
    String personId;
    if (roll < settings.strangerRatio) {
      method = "face";
      personId = null;
      outcome = terminal.presentFace(null, 0.2 + random.nextDouble() * 0.4, true, bodyType, lane);
    } else if (roll < settings.strangerRatio + settings.cardRatio && resident.cardUid() != null) {
      method = "card";
      personId = resident.personId();
      outcome = terminal.presentCard(resident.cardUid(), lane, bodyType);
    } else {
      method = "face";
      personId = resident.personId();
      outcome = terminal.presentFace(personId, 0.82 + random.nextDouble() * 0.17, true, bodyType,
          lane);
    }
    presented.incrementAndGet();
    outcome.whenComplete((result, error) -> {
      if (error != null) {
        failed.incrementAndGet();
        return;
      }
      (result.opened() ? opened : denied).incrementAndGet();
      if (result.local()) {
        local.incrementAndGet();
      }
      settings.onPassage.accept(
          new Passage(terminal.sn(), clock, method, lane, bodyType, personId, result));
    });
  }

  private Site pickSite() {
    double at = random.nextDouble() * totalWeight;
    for (Site site : sites) {
      at -= site.weight();
      if (at < 0) {
        return site;
      }
    }
    return sites.get(sites.size() - 1);
  }

  // Arrivals at a door are independent of one another: a Poisson count per tick.
  private int poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }

  private record Settings(Duration dayLength, double peakRatePerS, double strangerRatio,
      double cardRatio, double ebikeRatio, LocalTime startAt, long seed, DayCurve curve,
      Consumer<Passage> onPassage) {
  }

  /** Defaults: a day in 10 minutes, 5 passages a second at peak, 3 % strangers, 5 % cards, 1 % e-bikes. */
  public static final class Builder {
    private final List<Site> sites = new ArrayList<>();
    private Duration dayLength = Duration.ofMinutes(10);
    private double peakRatePerS = 5;
    private double strangerRatio = 0.03;
    private double cardRatio = 0.05;
    private double ebikeRatio = 0.01;
    private LocalTime startAt = LocalTime.of(6, 0);
    private long seed = 20241219L;
    private DayCurve curve = DayCurve.residential();
    private Consumer<Passage> onPassage = p -> { };

    public Builder site(FaceTerminalSimulator terminal, List<Resident> residents) {
      return site(terminal, residents, 1.0);
    }

    public Builder site(FaceTerminalSimulator terminal, List<Resident> residents, double weight) {
      sites.add(new Site(terminal, residents, weight));
      return this;
    }

    public Builder dayLength(Duration value) { dayLength = value; return this; }
    /** Passages a second over all sites in the busiest hour. */
    public Builder peakRatePerS(double value) { peakRatePerS = value; return this; }
    public Builder strangerRatio(double value) { strangerRatio = value; return this; }
    public Builder cardRatio(double value) { cardRatio = value; return this; }
    public Builder ebikeRatio(double value) { ebikeRatio = value; return this; }
    public Builder startAt(LocalTime value) { startAt = value; return this; }
    public Builder seed(long value) { seed = value; return this; }
    public Builder curve(DayCurve value) { curve = value; return this; }
    /** Called on a terminal's thread for every outcome: keep it short. */
    public Builder onPassage(Consumer<Passage> value) { onPassage = value; return this; }

    public TrafficScenario build() {
      if (dayLength.isNegative() || dayLength.toMillis() < 1000) {
        throw new IllegalArgumentException("dayLength must be at least 1 s: " + dayLength);
      }
      if (peakRatePerS < 0 || strangerRatio < 0 || cardRatio < 0 || ebikeRatio < 0
          || strangerRatio + cardRatio > 1 || ebikeRatio > 1) {
        throw new IllegalArgumentException("rates must be >= 0 and ratios within 0-1");
      }
      return new TrafficScenario(sites, new Settings(dayLength, peakRatePerS, strangerRatio,
          cardRatio, ebikeRatio, startAt, seed, curve, onPassage));
    }
  }
}
