/**
 * The hub's Prometheus metrics: prom-client underneath (text format, process / GC / event-loop metrics
 * for free), behind a small facade so feature code declares a metric where it first records it —
 * `increment`, `observe`, `gauge` — instead of importing metric objects from a central file.
 *
 * Each registry is its own prom-client `Registry` (never the global one), so several app instances in
 * one process (tests, the multi-instance harness) do not share or double-register metrics.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

type Labels = Record<string, string>;
type GaugeSample = { labels?: Labels; value: number };
interface GaugeState {
  help: string;
  collect: () => Promise<GaugeSample[]>;
  gauge?: Gauge;
  labelNames?: string;
}

const DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class MetricsRegistry {
  readonly registry = new Registry();
  private readonly counters = new Map<string, Counter>();
  private readonly histograms = new Map<string, Histogram>();
  private readonly gauges = new Map<string, GaugeState>();

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** Adds `amount` to a counter, creating it on first use with the label names of that first call. */
  increment(name: string, options: { help: string; labels?: Labels; amount?: number }): void {
    const labels = options.labels ?? {};
    let counter = this.counters.get(name);
    if (!counter) {
      counter = new Counter({ name, help: options.help, labelNames: Object.keys(labels), registers: [this.registry] });
      this.counters.set(name, counter);
    }
    counter.inc(labels, options.amount ?? 1);
  }

  /** Records one observation in a histogram (seconds by convention). */
  observe(name: string, options: { help: string; value: number; labels?: Labels; buckets?: number[] }): void {
    const labels = options.labels ?? {};
    let histogram = this.histograms.get(name);
    if (!histogram) {
      histogram = new Histogram({
        name,
        help: options.help,
        labelNames: Object.keys(labels),
        buckets: options.buckets ?? DEFAULT_BUCKETS,
        registers: [this.registry],
      });
      this.histograms.set(name, histogram);
    }
    histogram.observe(labels, options.value);
  }

  /**
   * Registers a gauge whose values are collected at scrape time (e.g. counts from the store). Its label
   * names come from the samples, so the prom-client gauge is (re)declared when they first appear.
   */
  gauge(name: string, help: string, collect: () => Promise<GaugeSample[]>): void {
    this.gauges.set(name, { help, collect });
  }

  private async collectGauges(): Promise<void> {
    for (const [name, state] of this.gauges) {
      const samples = await state.collect();
      const labelNames = [...new Set(samples.flatMap((sample) => Object.keys(sample.labels ?? {})))].sort();
      if (!state.gauge || state.labelNames !== labelNames.join(',')) {
        this.registry.removeSingleMetric(name);
        state.gauge = new Gauge({ name, help: state.help, labelNames, registers: [this.registry] });
        state.labelNames = labelNames.join(',');
      }
      state.gauge.reset();
      for (const sample of samples) state.gauge.set(sample.labels ?? {}, sample.value);
    }
  }

  /** Content type of `render()`'s output. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Renders every metric in Prometheus text exposition format. */
  async render(): Promise<string> {
    await this.collectGauges();
    return this.registry.metrics();
  }
}
