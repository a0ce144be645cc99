/**
 * The engine's explanation of a pair. A Fellegi–Sunter explanation is drawn as a waterfall — the
 * prior, each comparator's match weight (green up, red down, missing as 0 with a note), the final
 * weight and its probability, and the hard rule that decided if one did — with a table of the same
 * numbers for screen readers and exact reading. Older (weighted) explanations keep the comparator table.
 */
import { formatScore, formatValue } from './format';
import {
  formatProbability,
  formatRate,
  formatWeight,
  isWaterfall,
  readExplanation,
  waterfallOf,
  type ExplainedComparator,
  type ExplainedHardRule,
  type Waterfall,
  type WaterfallStep,
} from './explanation';

const COLORS = { prior: '#4a5568', positive: '#2f855a', negative: '#b3261e', zero: '#8896a5', final: '#0b6e69' };

/** Which side is which: column headings for the two records' values. */
export type SideLabels = readonly [string, string];

function hardRuleText(rule: ExplainedHardRule): string {
  return `${rule.name}${rule.action ? ` (${rule.action})` : ''}`;
}

function stepColor(step: WaterfallStep): string {
  if (step.kind === 'prior') return COLORS.prior;
  if (step.kind === 'final') return COLORS.final;
  return step.contribution > 0 ? COLORS.positive : step.contribution < 0 ? COLORS.negative : COLORS.zero;
}

function niceTicks(lo: number, hi: number): number[] {
  const span = hi - lo;
  const step = span > 40 ? 10 : span > 16 ? 5 : span > 8 ? 2 : 1;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) ticks.push(t);
  return ticks;
}

/** The SVG chart of a waterfall. */
export function WaterfallChart(props: { waterfall: Waterfall; title: string }) {
  const { steps } = props.waterfall;
  const column = 58;
  const left = 44;
  const top = 22;
  const plotHeight = 190;
  const bottom = 112;
  const width = left + steps.length * column + 12;
  const height = top + plotHeight + bottom;
  const levels = steps.flatMap((s) => [s.from, s.to]);
  let lo = Math.min(0, ...levels);
  let hi = Math.max(0, ...levels);
  const pad = Math.max(0.5, (hi - lo) * 0.08);
  lo -= pad;
  hi += pad;
  const y = (value: number): number => top + ((hi - value) / (hi - lo)) * plotHeight;
  return (
    <svg className="waterfall-chart" role="img" aria-label={props.title} viewBox={`0 0 ${width} ${height}`} width={width} height={height}>
      <title>{props.title}</title>
      {niceTicks(lo, hi).map((tick) => (
        <g key={tick}>
          <line x1={left} x2={width - 8} y1={y(tick)} y2={y(tick)} className={tick === 0 ? 'waterfall-zero' : 'waterfall-grid'} />
          <text x={left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle" className="chart-label">
            {tick}
          </text>
        </g>
      ))}
      <text x={4} y={12} className="chart-label">
        match weight (log2 odds)
      </text>
      {steps.map((step, index) => {
        const x = left + index * column + 8;
        const barWidth = column - 16;
        const isDelta = step.kind === 'comparator';
        const yTop = isDelta ? y(Math.max(step.from, step.to)) : y(Math.max(0, step.to));
        const yBottom = isDelta ? y(Math.min(step.from, step.to)) : y(Math.min(0, step.to));
        const isZero = isDelta && step.contribution === 0;
        const labelY = step.contribution >= 0 ? yTop - 4 : yBottom + 11;
        const next = steps[index + 1];
        return (
          <g key={`${step.kind}-${step.label}-${index}`} data-step={step.kind} data-contribution={step.contribution.toFixed(4)}>
            {isZero ? (
              <line x1={x} x2={x + barWidth} y1={y(step.to)} y2={y(step.to)} stroke={COLORS.zero} strokeWidth={2} strokeDasharray="3 2" />
            ) : (
              <rect x={x} y={yTop} width={barWidth} height={Math.max(1, yBottom - yTop)} rx={2} fill={stepColor(step)}>
                <title>{`${step.label}: ${formatWeight(step.contribution)}${step.note ? ` (${step.note})` : ''}`}</title>
              </rect>
            )}
            <text x={x + barWidth / 2} y={isZero ? y(step.to) - 5 : labelY} textAnchor="middle" className="chart-value">
              {formatWeight(step.contribution)}
            </text>
            {isZero && (step.comparator?.outcome === 'missing' || step.comparator?.level === 'missing') && (
              <text x={x + barWidth / 2} y={y(step.to) + 12} textAnchor="middle" className="chart-value">
                missing
              </text>
            )}
            {next && next.kind === 'comparator' && (
              <line x1={x + barWidth} x2={x + column + 8} y1={y(step.to)} y2={y(step.to)} className="waterfall-connector" />
            )}
            <text
              transform={`translate(${x + barWidth / 2} ${top + plotHeight + 10}) rotate(-40)`}
              textAnchor="end"
              className="chart-label"
            >
              {step.label.length > 18 ? `${step.label.slice(0, 17)}…` : step.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function ValuesCell(props: { comparator?: ExplainedComparator; side: 'a' | 'b' }) {
  if (!props.comparator) return <td />;
  const value = props.comparator[props.side];
  return <td className="mono">{value === null || value === undefined ? '—' : formatValue(value)}</td>;
}

function LevelCell(props: { comparator?: ExplainedComparator; note?: string }) {
  const { comparator } = props;
  if (!comparator) return <td />;
  return (
    <td>
      {comparator.level ?? comparator.outcome ?? ''}
      {props.note && <span className="muted"> · {props.note}</span>}
      {comparator.details && (
        <ul className="attribute-details">
          {comparator.details.map((d) => (
            <li key={d.attribute} className={d.agrees ? undefined : 'disagrees'}>
              {d.attribute}: {d.a ?? '—'} {d.agrees ? '=' : '≠'} {d.b ?? '—'}
            </li>
          ))}
        </ul>
      )}
    </td>
  );
}

/** The waterfall with its table: the same numbers, readable without the chart. */
export function MatchWaterfall(props: { waterfall: Waterfall; sides?: SideLabels }) {
  const { waterfall } = props;
  const [sideA, sideB] = props.sides ?? ['New', 'Existing'];
  const summary = `Match weight ${formatWeight(waterfall.finalWeight)} → probability ${formatProbability(waterfall.probability)}`;
  return (
    <figure className="waterfall" aria-label="Match weight waterfall">
      <figcaption>
        <strong>{summary}</strong>
        {waterfall.band && (
          <>
            {' '}
            · band <strong>{waterfall.band}</strong>
          </>
        )}
        {waterfall.hardRule && (
          <span className="waterfall-rule" data-testid="waterfall-hard-rule">
            {' '}
            · decided by hard rule <strong>{hardRuleText(waterfall.hardRule)}</strong>
          </span>
        )}
      </figcaption>
      <div className="waterfall-scroll">
        <WaterfallChart
          waterfall={waterfall}
          title={`${summary}${waterfall.hardRule ? `; hard rule ${hardRuleText(waterfall.hardRule)} decided the band` : ''}`}
        />
      </div>
      {waterfall.isUnbalanced && (
        <p className="muted">The stored total differs from the sum of the steps (rounded values); the total is the engine’s.</p>
      )}
      <table className="data-table compact explanation waterfall-table" aria-label="Match weight contributions">
        <thead>
          <tr>
            <th>Step</th>
            <th>Level</th>
            <th>m</th>
            <th>u</th>
            <th>Weight (log2 m/u)</th>
            <th>Running total</th>
            <th>{sideA}</th>
            <th>{sideB}</th>
          </tr>
        </thead>
        <tbody>
          {waterfall.steps.map((step, index) => (
            <tr
              key={`${step.label}-${index}`}
              className={step.comparator ? `outcome-${step.comparator.outcome ?? 'none'}` : `step-${step.kind}`}
            >
              <th scope="row">{step.label}</th>
              {step.kind === 'comparator' ? (
                <LevelCell comparator={step.comparator} note={step.note} />
              ) : (
                <td className="muted">{step.kind === 'prior' ? 'prior odds' : formatProbability(waterfall.probability)}</td>
              )}
              <td>{formatRate(step.comparator?.m)}</td>
              <td>{formatRate(step.comparator?.u)}</td>
              <td>{formatWeight(step.contribution)}</td>
              <td>{formatWeight(step.kind === 'final' ? waterfall.finalWeight : step.to)}</td>
              <ValuesCell comparator={step.comparator} side="a" />
              <ValuesCell comparator={step.comparator} side="b" />
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** The weighted-model explanation: one row per comparator with weight, score and the values compared. */
export function ComparatorTable(props: { comparators: ExplainedComparator[]; sides?: SideLabels }) {
  const [sideA, sideB] = props.sides ?? ['New', 'Existing'];
  if (props.comparators.length === 0) return null;
  return (
    <table className="data-table compact explanation" aria-label="Match explanation">
      <thead>
        <tr>
          <th>Comparator</th>
          <th>Field</th>
          <th>Weight</th>
          <th>Score</th>
          <th>Outcome</th>
          <th>{sideA}</th>
          <th>{sideB}</th>
        </tr>
      </thead>
      <tbody>
        {props.comparators.map((line) => (
          <tr key={line.name} className={`outcome-${line.outcome ?? 'none'}`}>
            <td>{line.name}</td>
            <td className="muted">{line.field}</td>
            <td>{line.weight ?? ''}</td>
            <td>
              {line.score === null ? (
                '—'
              ) : (
                <span className="score-bar" style={{ ['--score' as string]: String(line.score) }}>
                  {formatScore(line.score)}
                </span>
              )}
            </td>
            <td>{line.outcome}</td>
            <td className="mono">{formatValue(line.a)}</td>
            <td className="mono">{formatValue(line.b)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An explanation of any model: the waterfall for Fellegi–Sunter, the comparator table otherwise. */
export function MatchExplanationView(props: { explanation: unknown; sides?: SideLabels }) {
  const explanation = readExplanation(props.explanation);
  if (explanation === null) return null;
  if (isWaterfall(explanation)) return <MatchWaterfall waterfall={waterfallOf(explanation)} sides={props.sides} />;
  return <ComparatorTable comparators={explanation.comparators} sides={props.sides} />;
}
