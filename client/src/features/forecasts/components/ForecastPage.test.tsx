import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { signIn } from '../../../test/signedIn';

const manager = { id: 'm-1', email: 'mia@example.test', displayName: 'Mia Manager', role: 'manager', teamId: 't-1' };
const deals = (count: number, amount: number) => ({ count, amount });
const report = {
  context: { period: 'month', start: '2027-01-01', end: '2027-02-01', timeZone: 'UTC', teamId: 't-1', userId: null, pipelineId: null, asOf: '2026-11-24T10:00:00Z' },
  stageWeighted: {
    forecast: 1400, wonSoFar: deals(0, 0), openDeals: deals(2, 3000), weighted: 1400,
    stages: [
      { stageId: 's1', name: 'Discovery', probability: 10, count: 1, amount: 2000, weighted: 200 },
      { stageId: 's4', name: 'Trial', probability: 60, count: 1, amount: 2000, weighted: 1200 },
    ],
  },
  cycleAge: { forecast: 0, wonSoFar: deals(0, 0), openDeals: deals(2, 3000), weighted: 0, typicalCycleDays: null, cycleDeals: 0, cycleFrom: '2025-11-24T10:00:00Z', cycleTo: '2026-11-24T10:00:00Z' },
  historical: {
    forecast: 25000, trailingFrom: '2026-08-01', trailingTo: '2026-11-01', trailingWon: deals(0, 0), averageMonthlyRevenue: 0, months: 1,
    growthRate: 0, baseline: 0, newReps: 5, newRepDeals: 1, newRepDealSize: 5000, newRepRevenue: 25000,
  },
  categories: [
    { category: 'commit', count: 1, amount: 2000 }, { category: 'best_case', count: 0, amount: 0 },
    { category: 'pipeline', count: 1, amount: 1000 }, { category: 'omitted', count: 0, amount: 0 },
  ],
  openWithoutCloseDate: deals(1, 700),
};
const accuracy = {
  period: 'month', timeZone: 'UTC', teamId: 't-1', userId: null,
  periods: [{
    start: '2026-10-01', end: '2026-11-01', actual: deals(1, 1000),
    methods: [
      { method: 'stage_weighted', forecast: 800, wonSoFarAtSnapshot: 0, takenAt: '2026-10-01T00:05:00Z', late: false, accuracy: 0.8 },
      { method: 'cycle_age', forecast: 0, wonSoFarAtSnapshot: 0, takenAt: '2026-10-01T00:05:00Z', late: false, accuracy: 0 },
      { method: 'historical', forecast: 1500, wonSoFarAtSnapshot: 0, takenAt: '2026-10-03T09:00:00Z', late: true, accuracy: 0.5 },
    ],
  }],
};
const base = {
  'GET /api/v1/me': () => json(manager),
  'GET /api/v1/teams': () => json({ items: [{ id: 't-1', name: 'Inside sales', version: 1 }], nextCursor: null }),
  'GET /api/v1/users': () => json({ items: [{ id: 'r-1', displayName: 'Remy Rep', role: 'rep', teamId: 't-1' }], nextCursor: null }),
  'GET /api/v1/organisation': () => json({ name: 'Acme', timeZone: 'UTC', currency: 'EUR', version: 1 }),
  'GET /api/v1/forecasts/accuracy': () => json(accuracy),
};

describe('Forecast page', () => {
  it('shows the three methods, their breakdowns, the categories and which method has been most accurate', async () => {
    mockApi({ ...base, 'GET /api/v1/forecasts': () => json(report) });
    signIn();
    renderRoutes(routes, '/forecast');

    expect(await screen.findByTestId('forecast-stage_weighted')).toHaveTextContent('€1,400');
    expect(screen.getByTestId('forecast-historical')).toHaveTextContent('€25,000');
    expect(screen.getByText(/No deal won in the last 12 months/)).toBeInTheDocument();
    const stages = screen.getByRole('table', { name: 'Stage-weighted forecast by stage' });
    expect(within(stages).getByRole('row', { name: /Trial/ })).toHaveTextContent('Trial60%1€2,000€1,200');
    const categories = screen.getByRole('table', { name: 'Open deals by forecast category' });
    expect(within(categories).getByRole('row', { name: /Commit/ })).toHaveTextContent('Commit1€2,000');
    expect(await screen.findByTestId('best-method')).toHaveTextContent('Most accurate so far: Stage-weighted, 80% on average over 1 period.');
    const history = screen.getByRole('table', { name: 'Forecast accuracy by period' });
    expect(history).toHaveTextContent('October 2026');
    expect(within(history).getByRole('row', { name: /October 2026/ })).toHaveTextContent(/Late: .*2026/);
  });

  it('sends the historical inputs, and shows a refused one next to its field while keeping the default figures', async () => {
    const { requests } = mockApi({
      ...base,
      'GET /api/v1/forecasts': (request) =>
        new URL(request.url).searchParams.has('growthRate')
          ? problem({ status: 400, title: 'Validation failed', errors: { growthRate: ['Must be between -1 and 10.'] } })
          : json(report),
    });
    signIn();
    renderRoutes(routes, '/forecast?period=month');
    const user = userEvent.setup();

    await screen.findByTestId('forecast-stage_weighted');
    await user.type(screen.getByLabelText('Growth rate'), '50');
    await user.click(screen.getByRole('button', { name: 'Recalculate' }));

    expect(await screen.findByText('Must be between -1 and 10.')).toBeInTheDocument();
    expect(screen.getByLabelText('Growth rate')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('forecast-stage_weighted')).toHaveTextContent('€1,400');
    expect(requests.some((r) => new URL(r.url).searchParams.get('growthRate') === '50')).toBe(true);
  });

  it('saves snapshots on demand for a manager, with an Idempotency-Key', async () => {
    const { requests } = mockApi({
      ...base,
      'GET /api/v1/forecasts': () => json(report),
      'POST /api/v1/forecasts/snapshots': () => json({ asOf: '2026-11-24T10:00:00Z', periods: [], subjects: 3, saved: 6 }),
    });
    signIn();
    renderRoutes(routes, '/forecast');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Save snapshot now' }));
    expect(await screen.findByText('6 snapshots saved.')).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.headers.get('Idempotency-Key')).toMatch(/.+/);
  });
});
