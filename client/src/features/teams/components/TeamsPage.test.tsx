import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';

const north = { id: '00000000-0000-7000-8000-00000000000a', name: 'North', createdAt: '2025-01-01T09:00:00Z', version: 1 };

describe('Teams admin page', () => {
  it('creates a team, and shows a 409 duplicate name on the name field', async () => {
    const teams = [north];
    mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/teams': () => json({ items: teams, nextCursor: null }),
      'POST /api/v1/teams': async (request) => {
        const { name } = (await request.json()) as { name: string };
        if (teams.some((t) => t.name.toLowerCase() === name.toLowerCase())) {
          return problem({
            status: 409,
            type: 'urn:salescrm:problem:conflict',
            title: 'Conflict',
            detail: 'A team with this name already exists.',
            errors: { name: ['A team with this name already exists.'] },
          });
        }
        const team = { ...north, id: 'south', name };
        teams.push(team);
        return json(team, { status: 201 });
      },
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/admin/teams');
    await screen.findByRole('rowheader', { name: 'North' });

    const name = screen.getByLabelText('Team name');
    await user.type(name, 'north');
    await user.click(screen.getByRole('button', { name: 'Create team' }));
    await waitFor(() => {
      expect(name).toHaveAccessibleDescription('A team with this name already exists.');
    });
    expect(name).toHaveFocus();

    await user.clear(name);
    await user.type(name, 'South{Enter}');

    expect(await screen.findByRole('rowheader', { name: 'South' })).toBeInTheDocument();
    expect(name).toHaveValue('');
    expect(name).not.toHaveAttribute('aria-invalid');
    expect(screen.getByTestId('toasts-polite')).toHaveTextContent('Team “South” created.');
  });

  it('renames a team with If-Match and closes on Escape without saving', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/teams': () => json({ items: [north], nextCursor: null }),
      [`GET /api/v1/teams/${north.id}`]: () => json(north, { headers: { ETag: '"1"' } }),
      [`PUT /api/v1/teams/${north.id}`]: async (request) =>
        json({ ...north, ...((await request.json()) as object), version: 2 }, { headers: { ETag: '"2"' } }),
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/admin/teams');
    const rename = await screen.findByRole('button', { name: 'Rename North' });

    await user.click(rename);
    let dialog = screen.getByRole('dialog', { name: 'Rename team' });
    await within(dialog).findByDisplayValue('North');
    dialog.dispatchEvent(new Event('cancel', { cancelable: true })); // what Escape does to a modal dialog
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(rename).toHaveFocus();

    await user.click(rename);
    dialog = screen.getByRole('dialog', { name: 'Rename team' });
    const name = await within(dialog).findByDisplayValue('North');
    expect(name).toHaveFocus();
    await user.clear(name);
    await user.type(name, 'North & Baltics{Enter}');

    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"1"');
    expect(await put?.json()).toEqual({ name: 'North & Baltics' });
  });
});
