package io.doorstep.bench.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The page's own counters over the run, from DevTools {@code Performance.getMetrics}: JS heap
 * used, DOM nodes (detached ones not yet collected included) and event listeners. Stability is
 * judged by the first minute against the last.
 */
final class PageMetrics {
  /** One reading, {@code atS} seconds into the measured window. */
  record Sample(double atS, double heapUsedBytes, double nodes, double listeners) {}

  /** Means over a span of samples. */
  record Span(int samples, double heapUsedBytes, double nodes, double listeners) {
    static final Span EMPTY = new Span(0, Double.NaN, Double.NaN, Double.NaN);
  }

  private final List<Sample> samples = new ArrayList<>();

  /** The result of {@code Performance.getMetrics}: {"metrics": [{"name": …, "value": …}, …]}. */
  static Sample parse(double atS, JsonObject result) {
    JsonArray metrics = result.getJsonArray("metrics", new JsonArray());
    double heap = Double.NaN;
    double nodes = Double.NaN;
    double listeners = Double.NaN;
    for (int i = 0; i < metrics.size(); i++) {
      JsonObject m = metrics.getJsonObject(i);
      double v = m.getDouble("value", Double.NaN);
      switch (m.getString("name", "")) {
        case "JSHeapUsedSize" -> heap = v;
        case "Nodes" -> nodes = v;
        case "JSEventListeners" -> listeners = v;
        default -> { }
      }
    }
    return new Sample(atS, heap, nodes, listeners);
  }

  void add(Sample s) {
    samples.add(s);
  }

  List<Sample> samples() {
    return List.copyOf(samples);
  }

  /** Means over the samples with {@code fromS <= atS < toS}. */
  Span span(double fromS, double toS) {
    double heap = 0;
    double nodes = 0;
    double listeners = 0;
    int n = 0;
    for (Sample s : samples) {
      if (s.atS() >= fromS && s.atS() < toS) {
        heap += s.heapUsedBytes();
        nodes += s.nodes();
        listeners += s.listeners();
        n++;
      }
    }
    return n == 0 ? Span.EMPTY : new Span(n, heap / n, nodes / n, listeners / n);
  }

  /** The highest of each counter over the whole run. */
  Sample peak() {
    double heap = Double.NaN;
    double nodes = Double.NaN;
    double listeners = Double.NaN;
    for (Sample s : samples) {
      heap = Double.isNaN(heap) ? s.heapUsedBytes() : Math.max(heap, s.heapUsedBytes());
      nodes = Double.isNaN(nodes) ? s.nodes() : Math.max(nodes, s.nodes());
      listeners = Double.isNaN(listeners) ? s.listeners() : Math.max(listeners, s.listeners());
    }
    return new Sample(Double.NaN, heap, nodes, listeners);
  }
}
