/** A small Prometheus registry: labelled counters, histograms and collected gauges, rendered as text format 0.0.4. */

type Labels = Record<string, string>;

interface CounterState { help: string; values: Map<string, { labels: Labels; value: number }> }
interface HistogramState {
  help: string;
  buckets: number[];
  values: Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>;
}
interface GaugeState { help: string; collect: () => Promise<Array<{ labels?: Labels; value: number }>> }

const labelKey = (labels: Labels): string => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const renderLabels = (labels: Labels, extra: Labels = {}): string => {
  const all = { ...labels, ...extra };
  const parts = Object.entries(all).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};

export class MetricsRegistry {
  private readonly counters = new Map<string, CounterState>();
  private readonly histograms = new Map<string, HistogramState>();
  private readonly gauges = new Map<string, GaugeState>();

  /** Adds `amount` to a counter, creating it on first use. */
  increment(name: string, options: { help: string; labels?: Labels; amount?: number }): void {
    let state = this.counters.get(name);
    if (!state) this.counters.set(name, (state = { help: options.help, values: new Map() }));
    const labels = options.labels ?? {};
    const key = labelKey(labels);
    const entry = state.values.get(key) ?? { labels, value: 0 };
    entry.value += options.amount ?? 1;
    state.values.set(key, entry);
  }

  /** Records one observation in a histogram (seconds by convention). */
  observe(name: string, options: { help: string; value: number; labels?: Labels; buckets?: number[] }): void {
    let state = this.histograms.get(name);
    if (!state) {
      const buckets = options.buckets ?? [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
      this.histograms.set(name, (state = { help: options.help, buckets, values: new Map() }));
    }
    const labels = options.labels ?? {};
    const key = labelKey(labels);
    const entry = state.values.get(key) ?? { labels, counts: state.buckets.map(() => 0), sum: 0, count: 0 };
    state.buckets.forEach((bound, index) => {
      if (options.value <= bound) entry.counts[index] += 1;
    });
    entry.sum += options.value;
    entry.count += 1;
    state.values.set(key, entry);
  }

  /** Registers a gauge whose values are collected at scrape time (e.g. counts from the store). */
  gauge(name: string, help: string, collect: GaugeState['collect']): void {
    this.gauges.set(name, { help, collect });
  }

  /** Renders every metric in Prometheus text exposition format. */
  async render(): Promise<string> {
    const lines: string[] = [];
    for (const [name, state] of this.counters) {
      lines.push(`# HELP ${name} ${state.help}`, `# TYPE ${name} counter`);
      for (const { labels, value } of state.values.values()) lines.push(`${name}${renderLabels(labels)} ${value}`);
    }
    for (const [name, state] of this.histograms) {
      lines.push(`# HELP ${name} ${state.help}`, `# TYPE ${name} histogram`);
      for (const entry of state.values.values()) {
        state.buckets.forEach((bound, index) => {
          lines.push(`${name}_bucket${renderLabels(entry.labels, { le: String(bound) })} ${entry.counts[index]}`);
        });
        lines.push(`${name}_bucket${renderLabels(entry.labels, { le: '+Inf' })} ${entry.count}`);
        lines.push(`${name}_sum${renderLabels(entry.labels)} ${entry.sum}`, `${name}_count${renderLabels(entry.labels)} ${entry.count}`);
      }
    }
    for (const [name, state] of this.gauges) {
      lines.push(`# HELP ${name} ${state.help}`, `# TYPE ${name} gauge`);
      for (const sample of await state.collect()) lines.push(`${name}${renderLabels(sample.labels ?? {})} ${sample.value}`);
    }
    return lines.join('\n') + '\n';
  }
}
