import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { signIn } from '../../../test/signedIn';

const rep = { id: 'rep-1', email: 'rita@example.test', displayName: 'Rita Rep', role: 'rep', teamId: null };
const quota = {
  quotaId: 'q1', userId: rep.id, displayName: 'Rita Rep', period: 'month', periodStart: '2026-11-01', periodEnd: '2026-11-30',
  kind: 'revenue', target: 10000, achieved: 4000, revenueWon: 4000, dealsWon: 1, attainment: 0.4, attained: false,
  inProgress: true, measuredTo: '2026-11-20T10:00:00Z',
};

describe('My day quota', () => {
  it("shows the rep's quota under way to date, for the rep, and leaves finished periods out", async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(rep),
      'GET /api/v1/follow-ups': () => json({ items: [], nextCursor: null }),
      'GET /api/v1/activities': () => json({ items: [], nextCursor: null }),
      'GET /api/v1/organisation': () => json({ name: 'Acme', timeZone: 'UTC', currency: 'EUR', version: 1 }),
      'GET /api/v1/metrics/quota-attainment': () =>
        json({
          context: {},
          summary: { quotas: 2, quotasAtOrAbove: 0, shareAtOrAbove: 0, repsWithQuota: 1, repsAtOrAbove: 0, repShareAtOrAbove: 0 },
          quotas: [quota, { ...quota, quotaId: 'q0', periodStart: '2026-10-01', periodEnd: '2026-10-31', inProgress: false, attainment: 0.9 }],
        }),
    });
    signIn();
    renderRoutes(routes, '/');

    const list = await screen.findByRole('list', { name: 'My quotas' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('This month: 40%');
    expect(await within(list).findByText(/€4,000 of €10,000/)).toBeInTheDocument();
    const call = requests.find((r) => new URL(r.url).pathname === '/api/v1/metrics/quota-attainment');
    const search = new URL(call?.url ?? 'http://x').searchParams;
    expect(search.get('userId')).toBe(rep.id);
    expect(search.get('from')).toMatch(/^\d{4}-01-01$/);
  });
});
