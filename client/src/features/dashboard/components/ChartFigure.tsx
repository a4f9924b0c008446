import { useId, useState, type ReactNode } from 'react';
import { Button } from '../../../components/ui';

interface Props {
  title: string;
  /** The header of the table's first column (what a row is: a bucket, a stage). */
  rowHeader: string;
  /** The label of each row of the table, in the drawing's order. */
  labels: readonly string[];
  series: readonly { name: string; values: readonly (number | null)[] }[];
  /** How a value shows in the table (null where the series has no value for the row). */
  cell: (value: number | null) => string;
  /** The legend, drawn for sighted users only (the table names every series). */
  legend: ReactNode;
  /** The SVG drawing. */
  children: ReactNode;
}

/**
 * What every dashboard chart shares: a caption with a "Show table" toggle, a legend, the drawing, and the same
 * numbers as a table, visually hidden until the toggle reveals it, so the chart is readable without seeing it.
 */
export function ChartFigure({ title, rowHeader, labels, series, cell, legend, children }: Props) {
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  return (
    <figure className="series-chart">
      <figcaption className="series-chart__caption">
        <span className="series-chart__title">{title}</span>
        <Button
          variant="secondary"
          className="button--small"
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => {
            setShowTable((shown) => !shown);
          }}
        >
          {showTable ? 'Hide table' : 'Show table'}
        </Button>
      </figcaption>
      <ul className="series-chart__legend" aria-hidden="true">
        {legend}
      </ul>
      {children}
      <div
        id={tableId}
        className={showTable ? 'table-scroll' : 'visually-hidden'}
        // Shown, the table may scroll sideways on a phone: keyboard users can then focus and scroll it.
        {...(showTable ? { role: 'region', 'aria-label': `${title} table`, tabIndex: 0 } : {})}
      >
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {series.map((s) => (
                <th key={s.name} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, row) => (
              <tr key={`${label}-${String(row)}`}>
                <th scope="row">{label}</th>
                {series.map((s) => (
                  <td key={s.name}>{cell(s.values[row] ?? null)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
