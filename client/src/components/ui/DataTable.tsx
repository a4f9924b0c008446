import type { ReactNode } from 'react';
import { Button } from './Button';
import { downloadCsv, toCsv, type CsvValue } from './csv';
import { EmptyState } from './States';

export interface Column<Row> {
  id: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** The cell as exported; columns without it (actions) are left out of the CSV. */
  csv?: (row: Row) => CsvValue;
  /** A row header cell (`<th scope="row">`), usually the name. */
  rowHeader?: boolean;
}

interface Props<Row> {
  /** Names the table for assistive technology and the export file. */
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** File name without the date and extension, e.g. `users`. */
  exportName: string;
  empty: ReactNode;
}

/** A scrollable table with an "Export CSV" of exactly the rows it shows. */
export function DataTable<Row>({ caption, columns, rows, rowKey, exportName, empty }: Props<Row>) {
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;

  function exportRows() {
    const exported = columns.filter((column) => column.csv);
    const csv = toCsv(
      exported.map((column) => column.header),
      rows.map((row) => exported.map((column) => column.csv?.(row))),
    );
    downloadCsv(`${exportName}-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  }

  return (
    <div className="data-table">
      <div className="data-table__toolbar">
        <p className="muted data-table__count">
          {rows.length === 1 ? '1 row' : `${rows.length} rows`}
        </p>
        <Button variant="secondary" onClick={exportRows}>
          Export CSV
        </Button>
      </div>
      <div className="table-scroll" role="region" aria-label={`${caption} table`} tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.id} scope="col">
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th key={column.id} scope="row">
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.id}>{column.cell(row)}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
