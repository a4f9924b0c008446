import { formatCount } from '../format';
import { ChartFigure } from './ChartFigure';

export interface Series {
  name: string;
  /** One value per point, in point order; `null` where the bucket has no data. */
  values: readonly (number | null)[];
}

interface Props {
  title: string;
  /** The label of each point along the x axis (a bucket's first day). */
  labels: readonly string[];
  series: readonly Series[];
  format?: (value: number) => string;
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 44 };
/** Distinct by colour and by dash, so lines stay apart without colour vision. */
const STROKES = [
  { color: '#1d4ed8', dash: undefined },
  { color: '#b45309', dash: '6 4' },
  { color: '#047857', dash: '2 3' },
  { color: '#7c3aed', dash: '10 3 2 3' },
] as const;

/**
 * A small line chart drawn as SVG. The drawing is decorative for assistive technology: the same
 * numbers are always in a table, visually hidden until "Show table" reveals it.
 */
export function SeriesChart({ title, labels, series, format = formatCount }: Props) {
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (labels.length <= 1 ? plotW / 2 : (i * plotW) / (labels.length - 1));
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max];
  const labelEvery = Math.max(1, Math.ceil(labels.length / 6));

  return (
    <ChartFigure
      title={title}
      rowHeader="From"
      labels={labels}
      series={series}
      cell={(value) => (value === null ? '—' : format(value))}
      legend={series.map((s, i) => (
        <li key={s.name}>
          <svg width="24" height="8">
            <line x1="0" y1="4" x2="24" y2="4" stroke={STROKES[i % STROKES.length]?.color} strokeWidth="2" strokeDasharray={STROKES[i % STROKES.length]?.dash} />
          </svg>
          {s.name}
        </li>
      ))}
    >
      <svg className="series-chart__svg" viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`} aria-hidden="true" focusable="false">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="series-chart__grid" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="series-chart__tick">
              {format(Math.round(tick))}
            </text>
          </g>
        ))}
        {labels.map((label, i) =>
          i % labelEvery === 0 || i === labels.length - 1 ? (
            <text key={label} x={x(i)} y={HEIGHT - 8} textAnchor="middle" className="series-chart__tick">
              {label.slice(5)}
            </text>
          ) : null,
        )}
        {series.map((s, si) => {
          const stroke = STROKES[si % STROKES.length];
          const points = s.values.map((v, i) => `${String(x(i))},${String(y(v ?? 0))}`).join(' ');
          return (
            <g key={s.name}>
              <polyline points={points} fill="none" stroke={stroke?.color} strokeWidth="2" strokeDasharray={stroke?.dash} />
              {s.values.map((v, i) => (
                <circle key={labels[i] ?? i} cx={x(i)} cy={y(v ?? 0)} r="2.5" fill={stroke?.color} />
              ))}
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}
