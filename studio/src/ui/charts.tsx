/**
 * Plain SVG charts: grouped horizontal bars and stacked columns over time. No chart library. Every
 * chart also offers its figures as a table (a disclosure under the chart) for screen readers and copying.
 */

const PALETTE = ['#0b6e69', '#3b6fb6', '#b7791f', '#9b2c6f', '#4a5568', '#2f855a'];

/** The colour of the n-th series. */
export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#4a5568';
}

export interface BarGroup {
  label: string;
  values: number[];
  /** Text after the bars, e.g. a rate. */
  note?: string;
}

/** Horizontal bars: one row per group, one bar per series, scaled to the largest value. */
export function BarChart(props: { title: string; series: string[]; groups: BarGroup[]; format?: (value: number) => string }) {
  const format = props.format ?? ((value: number) => value.toLocaleString());
  const max = Math.max(Number.EPSILON, ...props.groups.flatMap((group) => group.values));
  const barHeight = 14;
  const rowHeight = props.series.length * (barHeight + 2) + 10;
  const labelWidth = 170;
  const width = 560;
  const plotWidth = width - labelWidth - 80;
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      {props.series.length > 1 && <Legend series={props.series} />}
      <svg role="img" aria-label={props.title} viewBox={`0 0 ${width} ${Math.max(rowHeight * props.groups.length, 20)}`} width="100%">
        {props.groups.map((group, row) => (
          <g key={group.label} transform={`translate(0 ${row * rowHeight})`}>
            <text x={labelWidth - 8} y={rowHeight / 2} textAnchor="end" dominantBaseline="middle" className="chart-label">
              {group.label}
            </text>
            {group.values.map((value, index) => {
              const barWidth = Math.max(value > 0 ? 2 : 0, (value / max) * plotWidth);
              const y = 4 + index * (barHeight + 2);
              return (
                <g key={index}>
                  <rect x={labelWidth} y={y} width={barWidth} height={barHeight} rx={2} fill={seriesColor(index)}>
                    <title>{`${group.label} · ${props.series[index]}: ${format(value)}`}</title>
                  </rect>
                  <text x={labelWidth + barWidth + 4} y={y + barHeight / 2} dominantBaseline="middle" className="chart-value">
                    {format(value)}
                    {index === group.values.length - 1 && group.note ? `  ${group.note}` : ''}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <ChartTable
        title={props.title}
        columns={props.series}
        rows={props.groups.map((group) => ({
          label: group.label,
          cells: group.values.map(
            (value, index) => `${format(value)}${index === group.values.length - 1 && group.note ? ` ${group.note}` : ''}`,
          ),
        }))}
      />
    </figure>
  );
}

/** Stacked columns per time bucket, one colour per series. */
export function TimeChart(props: {
  title: string;
  series: string[];
  buckets: Array<{ start: string; counts: Record<string, number> }>;
  /** Day buckets are labelled by date only. */
  bucket?: 'hour' | 'day';
}) {
  const width = 560;
  const height = 180;
  const left = 40;
  const bottom = 24;
  const totals = props.buckets.map((bucket) => props.series.reduce((sum, name) => sum + (bucket.counts[name] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const columnWidth = props.buckets.length === 0 ? 0 : (width - left) / props.buckets.length;
  const plotHeight = height - bottom - 8;
  const first = props.buckets.at(0);
  const last = props.buckets.at(-1);
  const label = (iso: string): string =>
    props.bucket === 'day'
      ? new Date(iso).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' })
      : new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      <Legend series={props.series} />
      {props.buckets.every((_, index) => totals[index] === 0) ? (
        <p className="muted">Nothing received in this window.</p>
      ) : (
        <svg role="img" aria-label={props.title} viewBox={`0 0 ${width} ${height}`} width="100%">
          <line x1={left} x2={width} y1={height - bottom} y2={height - bottom} className="chart-axis" />
          <text x={left - 6} y={8} textAnchor="end" className="chart-value">
            {max.toLocaleString()}
          </text>
          <text x={left - 6} y={height - bottom} textAnchor="end" className="chart-value">
            0
          </text>
          {props.buckets.map((bucket, column) => {
            let y = height - bottom;
            return (
              <g key={bucket.start}>
                {props.series.map((name, index) => {
                  const value = bucket.counts[name] ?? 0;
                  const barHeight = (value / max) * plotHeight;
                  y -= barHeight;
                  return value === 0 ? null : (
                    <rect
                      key={name}
                      x={left + column * columnWidth + 1}
                      y={y}
                      width={Math.max(1, columnWidth - 2)}
                      height={barHeight}
                      fill={seriesColor(index)}
                    >
                      <title>{`${label(bucket.start)} · ${name}: ${value}`}</title>
                    </rect>
                  );
                })}
              </g>
            );
          })}
          <text x={left} y={height - 6} className="chart-value">
            {first !== undefined && label(first.start)}
          </text>
          <text x={width} y={height - 6} textAnchor="end" className="chart-value">
            {last !== undefined && label(last.start)}
          </text>
        </svg>
      )}
      {props.buckets.length > 0 && (
        <ChartTable
          title={props.title}
          columns={[...props.series, 'total']}
          rows={props.buckets.map((bucket, index) => ({
            label: label(bucket.start),
            cells: [...props.series.map((name) => (bucket.counts[name] ?? 0).toLocaleString()), (totals[index] ?? 0).toLocaleString()],
          }))}
        />
      )}
    </figure>
  );
}

/** The chart's figures as a table, behind a disclosure (closed by default; screen readers reach it). */
function ChartTable(props: { title: string; columns: string[]; rows: Array<{ label: string; cells: string[] }> }) {
  return (
    <details className="chart-data">
      <summary>Show the figures as a table</summary>
      <div className="table-scroll">
        <table className="data-table compact" aria-label={`${props.title} (figures)`}>
          <thead>
            <tr>
              <th scope="col" />
              {props.columns.map((column) => (
                <th key={column} scope="col" className="numeric">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row, index) => (
              <tr key={`${row.label}-${index}`}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, column) => (
                  <td key={column} className="numeric">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function Legend(props: { series: string[] }) {
  return (
    <div className="legend">
      {props.series.map((name, index) => (
        <span key={name}>
          <span className="swatch" style={{ background: seriesColor(index) }} /> {name}
        </span>
      ))}
    </div>
  );
}
