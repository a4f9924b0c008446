import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';

const teamId = '00000000-0000-7000-8000-0000000000t1';
const managerMe = { ...adminMe, id: '00000000-0000-7000-8000-0000000000m1', displayName: 'Mia Manager', role: 'manager', teamId };
const repId = '00000000-0000-7000-8000-0000000000r1';

const survey = (id: string, extra: Record<string, unknown>) => ({
  surveyId: id,
  question: `Survey ${id}`,
  teamId,
  opensOn: '2026-07-01',
  closesOn: '2026-07-14',
  minimumResponses: 5,
  withheld: null,
  responses: null,
  promoters: null,
  passives: null,
  detractors: null,
  enps: null,
  ...extra,
});

function baseRoutes() {
  return {
    'GET /api/v1/me': () => json(managerMe),
    'GET /api/v1/teams': () => json({ items: [{ id: teamId, name: 'North' }], nextCursor: null }),
    'GET /api/v1/users': () => json({ items: [], nextCursor: null }),
    'GET /api/v1/organisation': () => json({ name: 'Org', timeZone: 'UTC', currency: 'EUR', version: 1 }),
  };
}

describe('People page', () => {
  it('shows eNPS figures, and only "withheld" for a survey with too few answers or still open', async () => {
    mockApi({
      ...baseRoutes(),
      'GET /api/v1/surveys/results': () =>
        json([
          survey('a', { responses: 7, promoters: 3, passives: 3, detractors: 1, enps: 29 }),
          survey('b', { withheld: 'too_few_responses' }),
          survey('c', { withheld: 'open' }),
        ]),
      // Only this team's surveys are asked for (the API answers one audience); the closed one is in the trend.
      'GET /api/v1/surveys': (request) =>
        new URL(request.url).searchParams.get('team') === teamId
          ? json([
              { id: 'u1', question: 'Next quarter?', teamId, opensOn: '2026-12-01', closesOn: '2026-12-14', status: 'upcoming' },
              { id: 'o1', question: 'How likely are you to recommend us?', teamId, opensOn: '2026-11-20', closesOn: '2026-11-30', status: 'open' },
              { id: 'c1', question: 'Survey a', teamId, opensOn: '2026-10-01', closesOn: '2026-10-14', status: 'closed' },
            ])
          : problem({ status: 404, title: 'Not found' }),
    });
    signIn();
    renderRoutes(routes, '/people?tab=enps');
    const table = await screen.findByRole('table', { name: /eNPS trend/ }, { timeout: 5000 });
    const rowA = within(table).getByRole('row', { name: /Survey a/ });
    expect(rowA).toHaveTextContent('+29');
    expect(rowA).toHaveTextContent('7');
    const rowB = within(table).getByRole('row', { name: /Survey b/ });
    expect(rowB).toHaveTextContent('Withheld: fewer than 5 responses');
    // No count at all, not even of responses: the four figure cells are dashes.
    expect(within(rowB).getAllByRole('cell').slice(-4).map((cell) => cell.textContent)).toEqual(['—', '—', '—', '—']);
    expect(within(table).getByRole('row', { name: /Survey c/ })).toHaveTextContent('Withheld: the survey is still open');
    const open = await screen.findByRole('list', { name: 'Open and upcoming surveys' });
    const items = within(open).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'How likely are you to recommend us? is open until 2026-11-30: Withheld while the survey is open',
      'Next quarter? opens on 2026-12-01 and closes on 2026-12-14: Withheld until it has closed',
    ]);
  });

  it('records an assessment and shows the problem next to the score', async () => {
    let attempts = 0;
    const { requests } = mockApi({
      ...baseRoutes(),
      'GET /api/v1/readiness': () =>
        json({
          asOf: '2026-11-24',
          teamId,
          userId: null,
          requiredCertifications: 1,
          summary: { reps: 2, repsCertified: 1, shareCertified: 0.5 },
          teams: [],
          reps: [
            {
              userId: repId,
              displayName: 'Rita Rep',
              teamId,
              requiredHeld: 0,
              requiredTotal: 1,
              ready: false,
              missing: [{ certificationId: 'c1', name: 'Product basics', expiredOn: null }],
              held: [],
              latestAssessment: null,
            },
          ],
        }),
      'GET /api/v1/readiness/expiring': () => json({ asOf: '2026-11-24', within: 30, certifications: [] }),
      'GET /api/v1/certifications': () =>
        json([{ id: 'c1', name: 'Product basics', required: true, validityMonths: 12, createdAt: '', updatedAt: '', archivedAt: null, version: 1 }]),
      [`POST /api/v1/users/${repId}/assessments`]: () => {
        attempts += 1;
        return attempts === 1
          ? problem({ status: 400, title: 'Invalid', errors: { score: ['Score must be between 0 and 100.'] } })
          : json({ id: 'a1' }, { status: 201 });
      },
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/people');

    expect(await screen.findByTestId('share-certified', {}, { timeout: 5000 })).toHaveTextContent('50%');
    expect(screen.getByRole('row', { name: /Rita Rep/ })).toHaveTextContent('Product basics');
    await user.click(screen.getByRole('button', { name: 'Record an assessment for Rita Rep' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record an assessment for Rita Rep' });
    await user.selectOptions(within(dialog).getByLabelText('Certification'), 'Product basics');
    await user.type(within(dialog).getByLabelText('Score (0–100)'), '101');
    await user.click(within(dialog).getByLabelText('Passed'));
    await user.click(within(dialog).getByRole('button', { name: 'Record assessment' }));
    await waitFor(() => {
      expect(within(dialog).getByLabelText('Score (0–100)')).toHaveAccessibleDescription('Score must be between 0 and 100.');
    });
    const score = within(dialog).getByLabelText('Score (0–100)');
    await user.clear(score);
    await user.type(score, '88');
    await user.click(within(dialog).getByRole('button', { name: 'Record assessment' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    const posts = requests.filter((r) => r.method === 'POST');
    const body = (await posts[1]?.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ certificationId: 'c1', score: 88, passed: true });
    expect(posts[1]?.headers.get('Idempotency-Key')).toBeTruthy();
    expect(posts[1]?.headers.get('Idempotency-Key')).not.toBe(posts[0]?.headers.get('Idempotency-Key'));
  });
});
