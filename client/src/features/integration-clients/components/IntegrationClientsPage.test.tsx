import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';

const SECRET = 'scs_s3cr3t-shown-once';
const dialer = {
  id: '00000000-0000-7000-8000-0000000000c1',
  clientId: 'scc_0123456789abcdef01234567',
  name: 'Dialer',
  scopes: ['activities:write', 'directory:read'],
  createdAt: '2025-03-01T10:00:00Z',
  revokedAt: null as string | null,
};

function api() {
  const clients: (typeof dialer)[] = [];
  return mockApi({
    'GET /api/v1/me': () => json(adminMe),
    'GET /api/v1/integration-clients': () => json({ items: clients, nextCursor: null }),
    'POST /api/v1/integration-clients': async (request) => {
      const body = (await request.json()) as { name: string; scopes: string[] };
      if (body.scopes.length === 0) {
        return problem({ status: 400, title: 'The request is not valid.', errors: { scopes: ['Grant at least one scope.'] } });
      }
      clients.push({ ...dialer, ...body });
      return json({ ...dialer, ...body, clientSecret: SECRET }, { status: 201 });
    },
    [`DELETE /api/v1/integration-clients/${dialer.id}`]: () => {
      clients.splice(0, 1, { ...dialer, revokedAt: '2025-03-02T10:00:00Z' });
      return new Response(null, { status: 204 });
    },
  });
}

async function openPage() {
  signIn();
  const user = userEvent.setup();
  const view = renderRoutes(routes, '/admin/integration-clients');
  await screen.findByText('No integration clients yet.');
  return { user, ...view };
}

describe('Integration clients admin page', () => {
  it('asks for at least one scope, showing the problem’s message on the scope group', async () => {
    api();
    const { user } = await openPage();

    await user.click(screen.getByRole('button', { name: 'New integration client' }));
    const dialog = screen.getByRole('dialog', { name: 'New integration client' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'Dialer');
    await user.click(within(dialog).getByRole('button', { name: 'Create client' }));

    const scopes = await within(dialog).findByRole('group', { name: 'Scopes' });
    await waitFor(() => {
      expect(scopes).toHaveAccessibleDescription('Grant at least one scope.');
    });
    expect(within(dialog).getByLabelText(/^Name/)).toHaveValue('Dialer');
  });

  it('shows the secret once with a warning and a copy button, then never again', async () => {
    const { requests } = api();
    const { user, queryClient } = await openPage();

    await user.click(screen.getByRole('button', { name: 'New integration client' }));
    let dialog = screen.getByRole('dialog', { name: 'New integration client' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'Dialer');
    await user.click(within(dialog).getByRole('checkbox', { name: /Log activities/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Read the directory/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create client' }));

    dialog = await screen.findByRole('alertdialog', { name: 'Client “Dialer” created' });
    expect(dialog).toHaveAccessibleDescription(/you will not see it again/);
    expect(within(dialog).getByLabelText('Client secret')).toHaveValue(SECRET);
    expect(within(dialog).getByLabelText('Client ID')).toHaveValue(dialer.clientId);
    expect(await requests.find((r) => r.method === 'POST')?.json()).toEqual({
      name: 'Dialer',
      scopes: ['activities:write', 'directory:read'],
    });

    await user.click(within(dialog).getByRole('button', { name: 'Copy client secret' }));
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    expect(within(dialog).getByRole('status')).toHaveTextContent('Client secret copied to the clipboard.');

    await user.click(within(dialog).getByRole('button', { name: 'Done, I have stored the secret' }));

    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
    const row = (await screen.findByRole('rowheader', { name: 'Dialer' })).closest('tr') as HTMLElement;
    expect(within(row).getByRole('list', { name: 'Scopes of Dialer' })).toHaveTextContent('activities:writedirectory:read');
    expect(document.body).not.toHaveTextContent(SECRET);
    // Nothing cached holds the secret once the dialog is gone.
    await waitFor(() => {
      expect(JSON.stringify(queryClient.getMutationCache().getAll().map((m) => m.state.data))).not.toContain(SECRET);
    });
    expect(JSON.stringify(queryClient.getQueryCache().getAll().map((q) => q.state.data))).not.toContain(SECRET);
  });

  it('revokes a client after confirmation', async () => {
    const { requests } = api();
    const { user } = await openPage();
    await user.click(screen.getByRole('button', { name: 'New integration client' }));
    await user.type(screen.getByLabelText(/^Name/), 'Dialer');
    await user.click(screen.getByRole('checkbox', { name: /Log activities/ }));
    await user.click(screen.getByRole('button', { name: 'Create client' }));
    await user.click(await screen.findByRole('button', { name: 'Done, I have stored the secret' }));

    await user.click(await screen.findByRole('button', { name: 'Revoke Dialer' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Revoke Dialer?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));

    expect(await screen.findByText(/^Revoked/)).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Revoke Dialer' })).not.toBeInTheDocument();
  });
});
