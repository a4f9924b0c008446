import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DataTable, type Column } from './DataTable';

interface Row {
  id: string;
  name: string;
  amount: number;
}

const columns: Column<Row>[] = [
  { id: 'name', header: 'Name', rowHeader: true, cell: (r) => r.name, csv: (r) => r.name },
  { id: 'amount', header: 'Amount', cell: (r) => `€${r.amount}`, csv: (r) => r.amount },
  { id: 'actions', header: 'Actions', cell: (r) => <button type="button">Open {r.name}</button> },
];

function renderTable(rows: Row[]) {
  return render(
    <DataTable caption="Deals" columns={columns} rows={rows} rowKey={(r) => r.id} exportName="deals" empty="No deals." />,
  );
}

describe('DataTable', () => {
  it('is a named table with column and row headers', () => {
    renderTable([{ id: '1', name: 'Acme, Inc.', amount: 1200 }]);

    const table = screen.getByRole('table', { name: 'Deals' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Name', 'Amount', 'Actions']);
    expect(within(table).getByRole('rowheader', { name: 'Acme, Inc.' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Deals table' })).toHaveAttribute('tabindex', '0');
  });

  it('exports the rows it shows as CSV, leaving out columns without a CSV value', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:deals';
    });
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = createObjectURL;
        static override revokeObjectURL = vi.fn();
      },
    );
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    renderTable([
      { id: '1', name: 'Acme, Inc.', amount: 1200 },
      { id: '2', name: 'Globex', amount: 80.5 },
    ]);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(clicked[0]?.download).toMatch(/^deals-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array((await blobs[0]?.arrayBuffer()) ?? new ArrayBuffer(0));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark, for spreadsheet apps
    expect(new TextDecoder().decode(bytes)).toBe('Name,Amount\r\n"Acme, Inc.",1200\r\nGlobex,80.5');
  });

  it('shows the empty state instead of an empty table', () => {
    renderTable([]);

    expect(screen.getByText('No deals.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument();
  });
});
