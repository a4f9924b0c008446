import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';

const managerMe = { ...adminMe, id: '00000000-0000-7000-8000-0000000000m1', displayName: 'Mo Manager', role: 'manager', teamId: 't1' };
const teams = { items: [{ id: 't1', name: 'Inside sales' }], nextCursor: null };
const orgSurvey = { id: 'o1', question: 'Organisation pulse', teamId: null, opensOn: '2026-11-20', closesOn: '2026-11-30', status: 'open' };
const teamSurveys = [
  { id: 's2', question: 'Next quarter?', teamId: 't1', opensOn: '2026-12-01', closesOn: '2026-12-14', status: 'upcoming' },
  { id: 's1', question: 'Last quarter?', teamId: 't1', opensOn: '2026-09-01', closesOn: '2026-09-14', status: 'closed' },
];

describe('Surveys list', () => {
  it('lists the organisation for an admin, switches to a team, and refreshes after a create', async () => {
    const created: (typeof orgSurvey)[] = [];
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/teams': () => json(teams),
      'GET /api/v1/surveys': (request) =>
        new URL(request.url).searchParams.get('team') === 't1' ? json(teamSurveys) : json([...created, orgSurvey]),
      'POST /api/v1/surveys': async (request) => {
        const body = (await request.json()) as { question: string; opensOn: string; closesOn: string };
        created.unshift({ ...orgSurvey, id: 'o2', ...body, status: 'upcoming' });
        return json({ id: 'o2', createdAt: '', teamId: null, ...body }, { status: 201 });
      },
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/admin/surveys');

    const orgTable = await screen.findByRole('table', { name: 'Surveys of the whole organisation' });
    expect(within(orgTable).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Question', 'Opens', 'Closes', 'Status']);
    expect(within(orgTable).getByRole('row', { name: /Organisation pulse/ })).toHaveTextContent('Organisation pulse2026-11-202026-11-30Open');
    expect(requests.find((r) => r.method === 'GET' && new URL(r.url).pathname === '/api/v1/surveys')?.url).not.toContain('team=');

    await user.selectOptions(screen.getByLabelText('Show surveys of'), 'Team: Inside sales');
    const teamTable = await screen.findByRole('table', { name: 'Surveys of team Inside sales' });
    const rows = within(teamTable).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').at(-1)?.textContent)).toEqual(['Upcoming', 'Closed']);
    expect(rows[0]).toHaveTextContent('Next quarter?');

    // Back to the organisation, create one: the list is asked again and shows it first.
    await user.selectOptions(screen.getByLabelText('Show surveys of'), 'Whole organisation');
    await screen.findByRole('table', { name: 'Surveys of the whole organisation' });
    await user.clear(screen.getByLabelText('Question'));
    await user.type(screen.getByLabelText('Question'), 'A brand new question?');
    await user.click(screen.getByRole('button', { name: 'Create survey' }));
    expect(await screen.findByText('Survey created.')).toBeInTheDocument();
    await waitFor(() => {
      const table = screen.getByRole('table', { name: 'Surveys of the whole organisation' });
      expect(within(table).getAllByRole('row')[1]).toHaveTextContent('A brand new question?');
    });
    expect(within(screen.getByRole('row', { name: /A brand new question/ })).getByText('Upcoming')).toBeInTheDocument();
  });

  it("shows a manager their own team's surveys without a picker, and an empty audience as empty", async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(managerMe),
      'GET /api/v1/teams': () => json(teams),
      'GET /api/v1/surveys/open': () => json([]),
      'GET /api/v1/surveys': () => json([]),
    });
    signIn();
    renderRoutes(routes, '/surveys');

    const list = await screen.findByRole('region', { name: 'Surveys asked' });
    expect(await within(list).findByText('No survey has been asked of this audience yet.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Show surveys of')).not.toBeInTheDocument();
    const get = requests.find((r) => new URL(r.url).pathname === '/api/v1/surveys');
    expect(new URL(get?.url ?? 'http://x').search).toBe('');
  });

  it('shows an error with a retry that asks again', async () => {
    let calls = 0;
    mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/teams': () => json(teams),
      'GET /api/v1/surveys': () => {
        calls += 1;
        return calls === 1 ? problem({ status: 403, title: 'Forbidden', detail: 'You may not list these surveys.' }) : json([orgSurvey]);
      },
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/admin/surveys');

    const list = await screen.findByRole('region', { name: 'Surveys asked' });
    expect(await within(list).findByRole('alert')).toHaveTextContent('You may not list these surveys.');
    await user.click(within(list).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Surveys of the whole organisation' })).toBeInTheDocument();
  });
});
