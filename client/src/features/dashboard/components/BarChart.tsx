import { formatCount } from '../format';
import { ChartFigure } from './ChartFigure';

export interface BarSeries {
  name: string;
  /** One value per row, in row order. */
  values: readonly number[];
}

interface Props {
  title: string;
  /** The label of each row (a stage). */
  labels: readonly string[];
  series: readonly BarSeries[];
  format?: (value: number) => string;
}

const WIDTH = 640;
const LABEL_W = 140;
const VALUE_W = 90;
const BAR_H = 12;
const ROW_GAP = 10;
const COLORS = ['#1d4ed8', '#b45309', '#047857'] as const;
const OPACITY = [1, 0.55, 0.35] as const;

/**
 * A horizontal bar chart drawn as SVG, one group of bars per row. Like SeriesChart, the drawing is
 * hidden from assistive technology and the same numbers are in a table that "Show table" reveals.
 */
export function BarChart({ title, labels, series, format = formatCount }: Props) {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const rowH = series.length * BAR_H + ROW_GAP;
  const height = labels.length * rowH + ROW_GAP;
  const plotW = WIDTH - LABEL_W - VALUE_W;

  return (
    <ChartFigure
      title={title}
      rowHeader="Stage"
      labels={labels}
      series={series}
      cell={(value) => format(value ?? 0)}
      legend={series.map((s, i) => (
        <li key={s.name}>
          <svg width="16" height="10">
            <rect width="16" height="10" fill={COLORS[i % COLORS.length]} opacity={OPACITY[i % OPACITY.length]} />
          </svg>
          {s.name}
        </li>
      ))}
    >
      <svg className="series-chart__svg" viewBox={`0 0 ${String(WIDTH)} ${String(height)}`} aria-hidden="true" focusable="false">
        {labels.map((label, row) => {
          const top = ROW_GAP + row * rowH;
          return (
            <g key={`${label}-${String(row)}`}>
              <text x={LABEL_W - 8} y={top + (series.length * BAR_H) / 2 + 4} textAnchor="end" className="series-chart__tick">
                {label}
              </text>
              {series.map((s, i) => {
                const value = s.values[row] ?? 0;
                const w = (value / max) * plotW;
                const y = top + i * BAR_H;
                return (
                  <g key={s.name}>
                    <rect x={LABEL_W} y={y} width={Math.max(w, value > 0 ? 1 : 0)} height={BAR_H - 2} fill={COLORS[i % COLORS.length]} opacity={OPACITY[i % OPACITY.length]} />
                    <text x={LABEL_W + w + 4} y={y + BAR_H - 3} className="series-chart__tick">
                      {format(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}
