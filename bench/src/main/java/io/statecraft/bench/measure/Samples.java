package io.statecraft.bench.measure;

import java.util.Arrays;

/** Latency samples in milliseconds, and the percentiles the figures report. */
public final class Samples {

  private double[] values = new double[64];
  private int size;

  public synchronized void add(double millis) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = millis;
  }

  public synchronized void addAll(Samples other) {
    double[] copy = other.sorted();
    for (double v : copy) {
      add(v);
    }
  }

  public synchronized int size() {
    return size;
  }

  /** The {@code p}th percentile (0 to 100), nearest rank; NaN without samples. */
  public double percentile(double p) {
    double[] sorted = sorted();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public double median() {
    return percentile(50);
  }

  public double p99() {
    return percentile(99);
  }

  private synchronized double[] sorted() {
    double[] copy = Arrays.copyOf(values, size);
    Arrays.sort(copy);
    return copy;
  }

  /** A value rounded to {@code decimals} places, as figures show them. */
  public static double round(double v, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(v * scale) / scale;
  }
}
