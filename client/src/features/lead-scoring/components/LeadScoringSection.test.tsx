import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';
import { LeadScoringSection } from './LeadScoringSection';

const context = { from: '2026-11-01', to: '2026-12-01', teamId: null, userId: null, timeZone: 'UTC', bucket: null };

describe('Lead scoring on the dashboard', () => {
  it('shows response time and one row per score band', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/metrics/lead-scoring/response-time': () =>
        json({
          context,
          totals: { salesQualified: 3, responded: 2, unanswered: 1, averageResponseHours: 4.5, medianResponseHours: 4.5 },
          series: null,
        }),
      'GET /api/v1/metrics/lead-scoring/score-bands': () =>
        json({
          context,
          totals: {
            threshold: 20,
            bands: [
              { band: 'below_zero', minScore: null, maxScore: -1, leadsCreated: 1, leadsConverted: 0, conversionRate: 0 },
              { band: 'cold', minScore: 0, maxScore: 9, leadsCreated: 0, leadsConverted: 0, conversionRate: null },
              { band: 'warm', minScore: 10, maxScore: 19, leadsCreated: 3, leadsConverted: 1, conversionRate: 0.3333 },
              { band: 'at_threshold', minScore: 20, maxScore: null, leadsCreated: 2, leadsConverted: 2, conversionRate: 1 },
            ],
          },
          series: null,
        }),
    });
    signIn();
    renderRoutes([{ path: '/', element: <LeadScoringSection query={{ from: '2026-11-01', to: '2026-12-01', teamId: 't1' }} nameOf={() => ''} /> }]);

    const tiles = await screen.findByRole('list', { name: 'Sales-qualified lead figures' });
    expect(within(tiles).getByRole('button', { name: /^Sales-qualified leads/ })).toHaveTextContent('3');
    expect(within(tiles).getByRole('button', { name: /^Responded/ })).toHaveTextContent('1 unanswered');
    expect(within(tiles).getByRole('button', { name: /^Response time/ })).toHaveTextContent('median 4.5 h');

    const table = await screen.findByRole('table', { name: /Lead conversion by score band/ });
    const warm = within(table).getByRole('rowheader', { name: 'Warm (10–19)' }).closest('tr');
    expect(warm).toHaveTextContent('Warm (10–19)3133.3%');
    const cold = within(table).getByRole('rowheader', { name: 'Cold (0–9)' }).closest('tr');
    expect(cold).toHaveTextContent('Cold (0–9)00—');
    expect(new URL(requests[0]?.url ?? '').searchParams.get('teamId')).toBe('t1');
  });
});
