import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, pathOf, problem, type Handler } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { signIn } from '../../../test/signedIn';

const rep = { id: 'rep-1', email: 'rita@example.test', displayName: 'Rita Rep', role: 'rep', teamId: null };
const myDay = {
  'GET /api/v1/me': () => json(rep),
  'GET /api/v1/follow-ups': () => json({ items: [], nextCursor: null }),
  'GET /api/v1/activities': () => json({ items: [], nextCursor: null }),
  'GET /api/v1/organisation': () => json({ name: 'Acme', timeZone: 'UTC', currency: 'EUR', version: 1 }),
  'GET /api/v1/metrics/quota-attainment': () =>
    json({ context: {}, summary: { quotas: 0, quotasAtOrAbove: 0, shareAtOrAbove: null, repsWithQuota: 0, repsAtOrAbove: 0, repShareAtOrAbove: null }, quotas: [] }),
};
const admin = {
  id: 'te-1', ownerId: rep.id, kind: 'admin', occurredAt: '2026-11-23T08:30:00Z', durationMinutes: 30, note: 'Expenses',
  createdAt: '2026-11-23T09:00:00Z', updatedAt: '2026-11-23T09:00:00Z', version: 3,
};
const travel = { ...admin, id: 'te-2', kind: 'travel', occurredAt: '2026-11-20T07:00:00Z', durationMinutes: 90, note: null, version: 1 };

function openMyDay(entries: unknown[], extra: Record<string, Handler> = {}) {
  const mocked = mockApi({ ...myDay, 'GET /api/v1/time-entries': () => json({ items: entries, nextCursor: null }), ...extra });
  signIn();
  renderRoutes(routes, '/');
  return { ...mocked, user: userEvent.setup() };
}

const listReads = (requests: Request[]) => requests.filter((r) => r.method === 'GET' && pathOf(r) === '/api/v1/time-entries').length;

describe('My day: your recent time entries', () => {
  it("lists the rep's entries of the last 14 days, newest first, with row-named actions", async () => {
    const { requests } = openMyDay([admin, travel]);

    const table = await screen.findByRole('table', { name: 'Your recent time entries' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Admin30');
    expect(rows[0]).toHaveTextContent('Expenses');
    expect(rows[1]).toHaveTextContent('Travel90');
    expect(within(table).getByRole('button', { name: 'Edit admin, 30 minutes' })).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Delete travel, 90 minutes' })).toBeInTheDocument();

    const list = requests.find((r) => pathOf(r) === '/api/v1/time-entries');
    const query = new URL(list?.url ?? 'http://x').searchParams;
    expect(query.get('ownerId')).toBe(rep.id);
    const from = new Date(query.get('from') ?? '');
    const days = (Date.now() - from.getTime()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(14);
    expect(days).toBeLessThan(15);
  });

  it('says so when there are none', async () => {
    openMyDay([]);
    expect(await screen.findByText('No time entries in the last 14 days.')).toBeInTheDocument();
  });

  it('edits with If-Match and the body, then reads the list again', async () => {
    const { requests, user } = openMyDay([admin], {
      'GET /api/v1/time-entries/te-1': () => json(admin, { headers: { ETag: '"3"' } }),
      'PUT /api/v1/time-entries/te-1': async (request) => {
        const body = (await request.json()) as Record<string, unknown>;
        return json({ ...admin, ...body, version: 4 }, { headers: { ETag: '"4"' } });
      },
    });

    await user.click(await screen.findByRole('button', { name: 'Edit admin, 30 minutes' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit time entry' });
    const minutes = await within(dialog).findByLabelText('Minutes');
    expect(minutes).toHaveValue(30);
    await user.selectOptions(within(dialog).getByLabelText('Kind'), 'Training');
    await user.clear(minutes);
    await user.type(minutes, '45');
    await user.clear(within(dialog).getByLabelText('Note'));
    const readsBefore = listReads(requests);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"3"');
    // Started was left as it was: the exact instant goes back, not one cut to the minute.
    expect(await put?.json()).toEqual({ kind: 'training', durationMinutes: 45, occurredAt: admin.occurredAt, note: null });
    expect(screen.getByTestId('toasts-polite')).toHaveTextContent('45 minutes of training saved.');
    await waitFor(() => {
      expect(listReads(requests)).toBeGreaterThan(readsBefore);
    });
  });

  it('on 412 says someone else changed it, reloads the entry and saves the next try with the new version', async () => {
    let version = 3;
    const { requests, user } = openMyDay([admin], {
      'GET /api/v1/time-entries/te-1': () =>
        json({ ...admin, durationMinutes: version === 3 ? 30 : 60, version }, { headers: { ETag: `"${String(version)}"` } }),
      'PUT /api/v1/time-entries/te-1': async (request) => {
        if (request.headers.get('If-Match') !== `"${String(version)}"`) {
          return problem({ status: 412, type: 'urn:salescrm:problem:precondition-failed', title: 'Precondition failed' });
        }
        const body = (await request.json()) as Record<string, unknown>;
        version += 1;
        return json({ ...admin, ...body, version }, { headers: { ETag: `"${String(version)}"` } });
      },
    });

    await user.click(await screen.findByRole('button', { name: 'Edit admin, 30 minutes' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit time entry' });
    const minutes = await within(dialog).findByLabelText('Minutes');
    version = 4; // someone else saves first
    await user.clear(minutes);
    await user.type(minutes, '45');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this time entry while you were editing.');
    expect(alert).toHaveTextContent('Nothing was saved.');
    expect(await within(dialog).findByDisplayValue('60')).toBeInTheDocument();

    const reloaded = within(dialog).getByLabelText('Minutes');
    await user.clear(reloaded);
    await user.type(reloaded, '45');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(requests.filter((r) => r.method === 'PUT').map((r) => r.headers.get('If-Match'))).toEqual(['"3"', '"4"']);
  });

  it('deletes only after confirmation, starting on Cancel, and reads the list again', async () => {
    let entries = [admin, travel];
    const { requests, user } = openMyDay([], {
      'GET /api/v1/time-entries': () => json({ items: entries, nextCursor: null }),
      'DELETE /api/v1/time-entries/te-2': () => {
        entries = [admin];
        return new Response(null, { status: 204 });
      },
    });

    await user.click(await screen.findByRole('button', { name: 'Delete travel, 90 minutes' }));
    let confirm = screen.getByRole('alertdialog', { name: 'Delete time entry' });
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Delete travel, 90 minutes' }));
    confirm = screen.getByRole('alertdialog', { name: 'Delete time entry' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));

    await waitFor(() => {
      expect(screen.queryByRole('button', { name: 'Delete travel, 90 minutes' })).not.toBeInTheDocument();
    });
    expect(requests.filter((r) => r.method === 'DELETE').map(pathOf)).toEqual(['/api/v1/time-entries/te-2']);
    expect(screen.getByRole('button', { name: 'Delete admin, 30 minutes' })).toBeInTheDocument();
    expect(screen.getByTestId('toasts-polite')).toHaveTextContent('90 minutes of travel deleted.');
  });

  it('reads the list again after a new entry is logged', async () => {
    let entries: unknown[] = [];
    const { user } = openMyDay([], {
      'GET /api/v1/time-entries': () => json({ items: entries, nextCursor: null }),
      'POST /api/v1/time-entries': () => {
        entries = [admin];
        return json(admin, { status: 201, headers: { ETag: '"3"' } });
      },
    });

    expect(await screen.findByText('No time entries in the last 14 days.')).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Log non-selling time' });
    await user.type(within(form).getByLabelText('Minutes'), '30');
    await user.click(within(form).getByRole('button', { name: 'Save time entry' }));

    expect(await screen.findByRole('button', { name: 'Edit admin, 30 minutes' })).toBeInTheDocument();
  });
});
