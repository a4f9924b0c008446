import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';

const teamId = '00000000-0000-7000-8000-0000000000t1';
const managerMe = { ...adminMe, id: '00000000-0000-7000-8000-0000000000m1', displayName: 'Mona Manager', role: 'manager', teamId };
const rita = { id: '00000000-0000-7000-8000-0000000000r1', email: 'r@e.test', displayName: 'Rita Rep', role: 'rep', teamId, isActive: true, createdAt: '', version: 1 };
const dealId = '00000000-0000-7000-8000-0000000000d1';

const totals = {
  calls: 40, outboundCalls: 30, inboundCalls: 10, connectedCalls: 12, connectRate: 0.3,
  emailsSent: 0, emailReplies: 0, replyRate: null,
  meetingsBooked: 3, meetingsHeld: 2, appointmentRate: 0.1, opportunitiesCreated: 1, opportunitiesPer1000Calls: 33.333,
  notes: 4, followUpsCompleted: 5, followUpsDue: 6, followUpsOverdue: 1,
};
const context = { from: '2026-11-01', to: '2026-12-01', timeZone: 'UTC', teamId, userId: null, pipelineId: null, bucket: 'week' };

function record(i: number, extra: Record<string, unknown> = {}) {
  return { kind: 'activity', id: `a${String(i)}`, at: '2026-11-03T10:00:00Z', ownerId: rita.id, label: `Call ${String(i)}`, amount: null, value: null, opportunityId: null, ...extra };
}

describe('Dashboard activity section', () => {
  it('shows figures with counts, a dash for a null ratio, and pages through a drill-down', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(managerMe),
      'GET /api/v1/teams': () => json({ items: [{ id: teamId, name: 'North', createdAt: '', version: 1 }], nextCursor: null }),
      'GET /api/v1/users': () => json({ items: [managerMe, rita], nextCursor: null }),
      'GET /api/v1/metrics/activity': () =>
        json({
          context,
          totals,
          series: [
            { from: '2026-11-02', to: '2026-11-09', values: { ...totals, calls: 25, connectedCalls: 8, meetingsBooked: 2 } },
            { from: '2026-11-09', to: '2026-11-16', values: { ...totals, calls: 15, connectedCalls: 4, meetingsBooked: 1 } },
          ],
        }),
      'GET /api/v1/metrics/activity/mix': () =>
        json({ context, reps: [{ userId: rita.id, displayName: 'Rita Rep', teamId, calls: 40, emails: 0, meetings: 3, notes: 4, total: 47 }] }),
      'GET /api/v1/metrics/activity/explain': (request) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return cursor
          ? json({ items: [record(3, { kind: 'opportunity', id: dealId, label: 'Acme rollout', amount: 12000 })], nextCursor: null })
          : json({ items: [record(1), record(2, { opportunityId: dealId })], nextCursor: 'page-2' });
      },
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/dashboard?period=custom&from=2026-11-01&to=2026-12-01');

    const figures = await screen.findByRole('list', { name: 'Activity figures' });
    const connect = within(figures).getByRole('button', { name: /Connect rate/ });
    expect(connect).toHaveTextContent('30%');
    expect(connect).toHaveTextContent('12 connected of 40 calls');
    const reply = within(figures).getByRole('button', { name: /Reply rate/ });
    expect(reply).toHaveTextContent('—');
    expect(reply).toHaveTextContent('0 replies to 0 sent');
    expect(within(figures).getByRole('button', { name: /Opportunities per 1,000 calls/ })).toHaveTextContent('33.3');
    expect(screen.getByRole('rowheader', { name: 'Rita Rep' })).toBeInTheDocument();
    // The chart's numbers are in a table.
    expect(screen.getByRole('table', { name: /Calls, connected calls and meetings booked per week/ })).toBeInTheDocument();

    const metricsCall = requests.find((r) => new URL(r.url).pathname === '/api/v1/metrics/activity');
    const search = new URL(metricsCall?.url ?? 'http://x').searchParams;
    expect(search.get('from')).toBe('2026-11-01');
    expect(search.get('to')).toBe('2026-12-01');
    expect(search.get('bucket')).toBe('week');

    await user.click(connect);
    const dialog = await screen.findByRole('dialog', { name: 'Connect rate: records' });
    expect(await within(dialog).findByText('Call 1')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Call 2' })).toHaveAttribute('href', `/opportunities/${dealId}`);
    expect(within(dialog).getAllByText('Rita Rep')).toHaveLength(2);
    const explainCall = requests.find((r) => new URL(r.url).pathname === '/api/v1/metrics/activity/explain');
    expect(new URL(explainCall?.url ?? 'http://x').searchParams.get('figure')).toBe('connected_calls');

    await user.click(within(dialog).getByRole('button', { name: 'Load more' }));
    expect(await within(dialog).findByRole('link', { name: 'Acme rollout' })).toHaveAttribute('href', `/opportunities/${dealId}`);
    expect(within(dialog).queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent('3 records shown.');

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
  });

  it('sends the picked rep as the subject', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(managerMe),
      'GET /api/v1/teams': () => json({ items: [{ id: teamId, name: 'North', createdAt: '', version: 1 }], nextCursor: null }),
      'GET /api/v1/users': () => json({ items: [managerMe, rita], nextCursor: null }),
      'GET /api/v1/metrics/activity': () => json({ context, totals, series: [] }),
      'GET /api/v1/metrics/activity/mix': () => json({ context, reps: [] }),
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/dashboard');

    await screen.findByRole('list', { name: 'Activity figures' });
    await waitFor(() => {
      expect(screen.getByLabelText('Rep')).toBeEnabled();
    });
    await user.selectOptions(screen.getByLabelText('Rep'), 'Rita Rep');
    await waitFor(() => {
      const last = requests.filter((r) => new URL(r.url).pathname === '/api/v1/metrics/activity').at(-1);
      expect(new URL(last?.url ?? 'http://x').searchParams.get('userId')).toBe(rita.id);
    });
  });

  it('lets a rep pick only themself and their own team, without listing people', async () => {
    const repMe = { ...adminMe, id: rita.id, displayName: 'Rita Rep', role: 'rep', teamId };
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(repMe),
      'GET /api/v1/teams': () =>
        json({
          items: [
            { id: teamId, name: 'North', createdAt: '', version: 1 },
            { id: '00000000-0000-7000-8000-0000000000t2', name: 'South', createdAt: '', version: 1 },
          ],
          nextCursor: null,
        }),
      'GET /api/v1/metrics/activity': () => json({ context, totals, series: [] }),
      'GET /api/v1/metrics/activity/mix': () => json({ context, reps: [] }),
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/dashboard?period=last-month');

    await screen.findByRole('list', { name: 'Activity figures' });
    const team = screen.getByLabelText('Team');
    await waitFor(() => {
      expect(within(team).getAllByRole('option').map((o) => o.textContent)).toEqual(['Just me', 'North']);
    });
    expect(within(screen.getByLabelText('Rep')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Rita Rep']);
    expect(requests.some((r) => new URL(r.url).pathname === '/api/v1/users')).toBe(false);

    await user.selectOptions(team, 'North');
    await waitFor(() => {
      const last = requests.filter((r) => new URL(r.url).pathname === '/api/v1/metrics/activity').at(-1);
      expect(new URL(last?.url ?? 'http://x').searchParams.get('teamId')).toBe(teamId);
    });
    expect(within(screen.getByLabelText('Rep')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Whole team', 'Rita Rep']);
  });
});
