package dev.goenvdoctor.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/** Timings of one figure, in milliseconds: the median, the 95th percentile and how many runs they come from. */
record Samples(double median, double p95, int runs) {

  /** Returns the statistics of {@code millis} (at least one value). */
  static Samples of(List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    int n = sorted.size();
    // Nearest-rank percentiles: with 15 runs the p95 is the slowest but one, never an interpolated value.
    return new Samples(sorted.get((n - 1) / 2), sorted.get((int) Math.ceil(n * 0.95) - 1), n);
  }

  /**
   * Runs each piece of {@code work} in turn, round after round ({@code warmup} untimed rounds, then {@code runs}
   * timed), so that a machine getting busier or quieter meanwhile shifts every figure alike and their ratios hold.
   * Returns the timings by name, in the given order.
   */
  static java.util.Map<String, Samples> interleaved(int warmup, int runs, java.util.Map<String, Callable<?>> work) {
    java.util.Map<String, List<Double>> millis = new java.util.LinkedHashMap<>();
    work.keySet().forEach(k -> millis.put(k, new ArrayList<>()));
    try {
      for (int round = 0; round < warmup + runs; round++) {
        for (java.util.Map.Entry<String, Callable<?>> w : work.entrySet()) {
          long start = System.nanoTime();
          w.getValue().call();
          if (round >= warmup) {
            millis.get(w.getKey()).add((System.nanoTime() - start) / 1e6);
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("a benchmark run failed: " + e, e);
    }
    java.util.Map<String, Samples> out = new java.util.LinkedHashMap<>();
    millis.forEach((k, v) -> out.put(k, of(v)));
    return out;
  }

  /** Runs {@code work} {@code warmup} times untimed, then {@code runs} times timed; returns the timed runs. */
  static Samples measure(int warmup, int runs, Callable<?> work) {
    try {
      for (int i = 0; i < warmup; i++) {
        work.call();
      }
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        work.call();
        millis.add((System.nanoTime() - start) / 1e6);
      }
      return of(millis);
    } catch (Exception e) {
      throw new IllegalStateException("a benchmark run failed: " + e, e);
    }
  }
}
