import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem, type Handler } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';

const north = { id: '00000000-0000-7000-8000-00000000000a', name: 'North', createdAt: '2025-01-01T09:00:00Z', version: 1 };
const rita = {
  id: '00000000-0000-7000-8000-000000000002',
  email: 'rita@example.test',
  displayName: 'Rita Rep',
  role: 'rep',
  teamId: north.id,
  isActive: true,
  createdAt: '2025-01-02T10:00:00Z',
  version: 3,
};
const admin = { ...adminMe, isActive: true, createdAt: '2025-01-01T08:00:00Z', version: 1 };

function api(extra: Record<string, Handler> = {}) {
  return mockApi({
    'GET /api/v1/me': () => json(adminMe),
    'GET /api/v1/teams': () => json({ items: [north], nextCursor: null }),
    'GET /api/v1/users': () => json({ items: [admin, rita], nextCursor: null }),
    ...extra,
  });
}

async function openUsers() {
  signIn();
  const user = userEvent.setup();
  const view = renderRoutes(routes, '/admin/users');
  await screen.findByRole('rowheader', { name: 'Rita Rep' });
  return { user, ...view };
}

describe('Users admin page', () => {
  it('shows each person with role, team name and status, and offers no deactivation of oneself', async () => {
    api();
    await openUsers();

    const ritaRow = screen.getByRole('rowheader', { name: 'Rita Rep' }).closest('tr') as HTMLElement;
    expect(within(ritaRow).getByRole('cell', { name: 'Sales rep' })).toBeInTheDocument();
    expect(await within(ritaRow).findByRole('cell', { name: 'North' })).toBeInTheDocument();
    expect(within(ritaRow).getByRole('button', { name: 'Deactivate Rita Rep' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Deactivate Ada Admin' })).not.toBeInTheDocument();
  });

  it('filters by team and status on the server and searches the loaded rows by name or email', async () => {
    const { requests } = api();
    const { user } = await openUsers();
    await within(screen.getByLabelText('Team')).findByRole('option', { name: 'North' });

    await user.selectOptions(screen.getByLabelText('Team'), 'North');
    await user.selectOptions(screen.getByLabelText('Status'), 'Inactive');

    await waitFor(() => {
      const last = new URL(requests.filter((r) => r.url.includes('/api/v1/users')).at(-1)?.url ?? '');
      expect(last.searchParams.get('teamId')).toBe(north.id);
      expect(last.searchParams.get('isActive')).toBe('false');
    });

    await user.type(screen.getByRole('searchbox', { name: 'Search by name or email' }), 'RITA@');
    expect(screen.getByRole('rowheader', { name: 'Rita Rep' })).toBeInTheDocument();
    expect(screen.queryByRole('rowheader', { name: 'Ada Admin' })).not.toBeInTheDocument();
    expect(screen.getByText('1 row')).toBeInTheDocument();
  });

  it('shows a 400 problem’s field errors next to the fields and keeps what was typed', async () => {
    const { requests } = api({
      'POST /api/v1/users': () =>
        problem({
          status: 400,
          type: 'urn:salescrm:problem:validation',
          title: 'The request is not valid.',
          errors: {
            email: ['A user with this email already exists.'],
            teamId: ['A manager must be given the team they manage.'],
          },
        }),
    });
    const { user } = await openUsers();

    await user.click(screen.getByRole('button', { name: 'New user' }));
    const dialog = screen.getByRole('dialog', { name: 'New user' });
    await user.type(within(dialog).getByLabelText('Email'), 'rita@example.test');
    await user.type(within(dialog).getByLabelText('Name'), 'Rita Again');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'Manager');
    await user.type(within(dialog).getByLabelText('Initial password'), 'Long-enough-pass-1');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));

    const email = within(dialog).getByLabelText('Email');
    await waitFor(() => {
      expect(email).toHaveAttribute('aria-invalid', 'true');
    });
    expect(email).toHaveAccessibleDescription('A user with this email already exists.');
    expect(email).toHaveValue('rita@example.test');
    const team = within(dialog).getByLabelText('Team (required for managers)');
    expect(team).toHaveAttribute('aria-invalid', 'true');
    expect(team).toHaveAccessibleDescription(/A manager must be given the team they manage\./);
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Please correct the fields marked below.');
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Rita Again');

    const sent = requests.find((r) => r.method === 'POST');
    expect(await sent?.json()).toEqual({
      email: 'rita@example.test',
      displayName: 'Rita Again',
      role: 'manager',
      teamId: null,
      password: 'Long-enough-pass-1',
    });
  });

  it('creates a manager in a team, closes the dialog and says so', async () => {
    const { requests } = api({
      'POST /api/v1/users': async (request) => {
        const body = (await request.json()) as Record<string, unknown>;
        return json({ ...rita, ...body, id: 'new', version: 1, isActive: true, createdAt: rita.createdAt }, { status: 201 });
      },
    });
    const { user } = await openUsers();

    await user.click(screen.getByRole('button', { name: 'New user' }));
    const dialog = screen.getByRole('dialog', { name: 'New user' });
    await user.type(within(dialog).getByLabelText('Email'), 'mona@example.test');
    await user.type(within(dialog).getByLabelText('Name'), 'Mona Manager');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'Manager');
    await within(dialog).findByRole('option', { name: 'North' });
    await user.selectOptions(within(dialog).getByLabelText('Team (required for managers)'), 'North');
    await user.type(within(dialog).getByLabelText('Initial password'), 'Long-enough-pass-1');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));

    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(screen.getByTestId('toasts-polite')).toHaveTextContent('Mona Manager can now sign in as mona@example.test.');
    expect(screen.getByRole('button', { name: 'New user' })).toHaveFocus();
    expect(await requests.find((r) => r.method === 'POST')?.json()).toMatchObject({ role: 'manager', teamId: north.id });
  });

  it('sends If-Match with the ETag read, and on 412 says someone else changed it and reloads', async () => {
    let version = 3;
    const { requests } = api({
      [`GET /api/v1/users/${rita.id}`]: () =>
        json(
          version === 3 ? rita : { ...rita, displayName: 'Rita Renamed', version },
          { headers: { ETag: `"${String(version)}"` } },
        ),
      [`PUT /api/v1/users/${rita.id}`]: async (request) => {
        if (request.headers.get('If-Match') !== `"${String(version)}"`) {
          return problem({ status: 412, type: 'urn:salescrm:problem:precondition-failed', title: 'Precondition failed' });
        }
        const body = (await request.json()) as Record<string, unknown>;
        version += 1;
        return json({ ...rita, ...body, version }, { headers: { ETag: `"${String(version)}"` } });
      },
    });
    const { user } = await openUsers();

    await user.click(screen.getByRole('button', { name: 'Edit Rita Rep' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit user' });
    const name = await within(dialog).findByLabelText('Name');
    expect(name).toHaveValue('Rita Rep');
    version = 4; // someone else saves first
    await user.clear(name);
    await user.type(name, 'Rita R.');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this while you were editing.');
    expect(alert).toHaveTextContent('Nothing was saved.');
    expect(requests.find((r) => r.method === 'PUT')?.headers.get('If-Match')).toBe('"3"');

    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    expect(await within(dialog).findByDisplayValue('Rita Renamed')).toBeInTheDocument();
    expect(within(dialog).getByText('This is the latest version. Make your changes again.')).toBeInTheDocument();

    const reloaded = within(dialog).getByLabelText('Name');
    await user.clear(reloaded);
    await user.type(reloaded, 'Rita R.');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    const puts = requests.filter((r) => r.method === 'PUT');
    expect(puts.at(-1)?.headers.get('If-Match')).toBe('"4"');
    expect(await puts.at(-1)?.json()).toEqual({ displayName: 'Rita R.', role: 'rep', teamId: north.id });
    expect(screen.getByTestId('toasts-polite')).toHaveTextContent('Rita R. saved.');
  });

  it('asks before deactivating, starting on Cancel, and deactivates on confirmation', async () => {
    const { requests } = api({
      [`POST /api/v1/users/${rita.id}/deactivate`]: () => json({ ...rita, isActive: false, version: 4 }),
    });
    const { user } = await openUsers();
    const opener = screen.getByRole('button', { name: 'Deactivate Rita Rep' });

    await user.click(opener);
    let dialog = screen.getByRole('alertdialog', { name: 'Deactivate Rita Rep?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
    expect(requests.some((r) => r.url.endsWith('/deactivate'))).toBe(false);

    await user.click(opener);
    dialog = screen.getByRole('alertdialog', { name: 'Deactivate Rita Rep?' });
    expect(dialog).toHaveTextContent('They are signed out at once and can no longer sign in.');
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    await waitFor(() => {
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    });
    expect(requests.filter((r) => r.url.endsWith(`/users/${rita.id}/deactivate`))).toHaveLength(1);
    expect(screen.getByTestId('toasts-polite')).toHaveTextContent('Rita Rep is deactivated.');
  });

  it('keeps the admin area from people who are not admins', async () => {
    const { requests } = mockApi({ 'GET /api/v1/me': () => json({ ...adminMe, role: 'rep' }) });
    signIn();
    renderRoutes(routes, '/admin/users');

    expect(await screen.findByRole('heading', { name: 'Not available' })).toBeInTheDocument();
    expect(requests.some((r) => r.url.includes('/api/v1/users'))).toBe(false);
  });
});
