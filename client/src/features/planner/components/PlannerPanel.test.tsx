import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem } from '../../../test/mockFetch';
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
const plan = {
  userId: rep.id, month: '2027-01', goalDeals: 50, goalRevenue: null, workingDays: 21,
  nonWorkingDays: [{ date: '2027-01-01', name: 'New Year' }], historyFrom: '2026-05-01', historyTo: '2026-11-01',
  rates: [{ name: 'callToDeal', value: 0.05, source: 'given', numerator: null, denominator: null }],
  perMonth: { deals: 50, opportunities: 50, meetings: 50, calls: 1000 },
  perWorkingDay: { deals: 3, opportunities: 3, meetings: 3, calls: 48 },
};

describe('My day planner', () => {
  it('plans a month from a goal and a given rate, showing working days, needs and the rates used', async () => {
    const { requests } = mockApi({ ...myDay, 'GET /api/v1/planner': () => json(plan) });
    signIn();
    renderRoutes(routes, '/');
    const user = userEvent.setup();

    const form = await screen.findByRole('form', { name: 'Plan a month' });
    await user.clear(within(form).getByLabelText('Month'));
    await user.type(within(form).getByLabelText('Month'), '2027-01');
    await user.type(within(form).getByLabelText('Goal (won deals)'), '50');
    await user.type(within(form).getByLabelText(/Deals per call/), '0.05');
    await user.click(within(form).getByRole('button', { name: 'Plan' }));

    const needs = await screen.findByRole('table', { name: 'Activity needed' });
    expect(within(needs).getByRole('row', { name: /Calls/ })).toHaveTextContent('1,00048');
    expect(screen.getByTestId('working-days')).toHaveTextContent('21 working days in 2027-01 (without New Year, 2027-01-01)');
    expect(screen.getByRole('table', { name: /Rates used/ })).toHaveTextContent('Given');
    const call = requests.find((r) => new URL(r.url).pathname === '/api/v1/planner');
    const search = new URL(call?.url ?? 'http://x').searchParams;
    expect(Object.fromEntries(search)).toEqual({ month: '2027-01', goalDeals: '50', callToDeal: '0.05' });
  });

  it("shows the API's request for a rate next to that rate's field", async () => {
    mockApi({
      ...myDay,
      'GET /api/v1/planner': () =>
        problem({ status: 400, title: 'Validation failed', errors: { meetingsPerCall: ['No history gives this rate: enter it.'] } }),
    });
    signIn();
    renderRoutes(routes, '/');
    const user = userEvent.setup();

    const form = await screen.findByRole('form', { name: 'Plan a month' });
    await user.type(within(form).getByLabelText('Goal (won deals)'), '10');
    await user.click(within(form).getByRole('button', { name: 'Plan' }));

    const field = await within(form).findByLabelText('Meetings per call');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/No history gives this rate: enter it\./);
  });
});
