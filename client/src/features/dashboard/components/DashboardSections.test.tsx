import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, type Handler } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';

const teamId = '00000000-0000-7000-8000-0000000000t1';
const managerMe = { ...adminMe, id: '00000000-0000-7000-8000-0000000000m1', displayName: 'Mona Manager', role: 'manager', teamId };
const rita = { id: '00000000-0000-7000-8000-0000000000r1', email: 'r@e.test', displayName: 'Rita Rep', role: 'rep', teamId, isActive: true, createdAt: '', version: 1 };
const dealId = '00000000-0000-7000-8000-0000000000d1';
const stageId = '00000000-0000-7000-8000-0000000000s1';
const pipelineId = '00000000-0000-7000-8000-0000000000p1';
const quotaId = '00000000-0000-7000-8000-0000000000q1';
const context = { from: '2026-11-01', to: '2026-12-01', timeZone: 'UTC', teamId, userId: null, pipelineId: null, bucket: null };
const distribution = { zero: 1, one: 2, two: 0, three: 0, four: 0, fiveOrMore: 1 };

function base(extra: Record<string, Handler>) {
  return mockApi({
    'GET /api/v1/me': () => json(managerMe),
    'GET /api/v1/teams': () => json({ items: [{ id: teamId, name: 'North', createdAt: '', version: 1 }], nextCursor: null }),
    'GET /api/v1/users': () => json({ items: [managerMe, rita], nextCursor: null }),
    'GET /api/v1/organisation': () => json({ name: 'Acme', timeZone: 'UTC', currency: 'EUR', version: 1 }),
    ...extra,
  });
}

const searchOf = (requests: Request[], path: string) =>
  new URL(requests.filter((r) => new URL(r.url).pathname === path).at(-1)?.url ?? 'http://x').searchParams;

const window = 'period=custom&from=2026-11-01&to=2026-12-01';

describe('Dashboard sections', () => {
  it('shows follow-up discipline with dashes for nulls and drills into early give-ups', async () => {
    const { requests } = base({
      'GET /api/v1/metrics/follow-ups': () =>
        json({
          context,
          totals: {
            stageAdvances: {
              advances: 4,
              averageFollowUps: 2.25,
              medianFollowUps: 1.5,
              distribution,
              stages: [{ stageId, stageName: 'Qualify', position: 1, pipelineId, advances: 4, averageFollowUps: 2.25, medianFollowUps: null, distribution }],
            },
            beforeWin: { dealsWon: 0, averageFollowUps: null, medianFollowUps: null, wonWithFiveOrMore: 0, fiveOrMoreShare: null },
            earlyGiveUp: { dealsLost: 4, lostWithAtMostOne: 1, rate: 0.25 },
            timeliness: { completed: 10, onTime: 7, onTimeRate: 0.7, late: 3, medianLatenessHours: 5, averageLatenessHours: 6 },
          },
          series: null,
        }),
      'GET /api/v1/metrics/follow-ups/explain': () =>
        json({
          items: [{ kind: 'opportunity', id: dealId, at: '2026-11-03T10:00:00Z', ownerId: rita.id, label: 'Acme rollout', amount: 1000, value: null, opportunityId: dealId }],
          nextCursor: null,
        }),
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, `/dashboard?tab=follow-ups&${window}`);

    const figures = await screen.findByRole('list', { name: 'Follow-up figures' });
    expect(screen.getByRole('tab', { name: 'Follow-ups' })).toHaveAttribute('aria-selected', 'true');
    expect(within(figures).getByRole('button', { name: /Follow-ups per stage advance/ })).toHaveTextContent('2.3');
    const fivePlus = within(figures).getByRole('button', { name: /Wins with 5\+ follow-ups/ });
    expect(fivePlus).toHaveTextContent('—');
    expect(fivePlus).toHaveTextContent('0 of 0 won deals');
    const giveUp = within(figures).getByRole('button', { name: /Early give-up rate/ });
    expect(giveUp).toHaveTextContent('25%');
    expect(giveUp).toHaveTextContent('1 of 4 lost deals had at most one follow-up');
    expect(within(figures).getByRole('button', { name: /On-time rate/ })).toHaveTextContent('7 of 10 completed on time');

    const row = screen.getByRole('rowheader', { name: 'Qualify' }).closest('tr');
    expect(row).not.toBeNull();
    const cells = within(row as HTMLElement).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(0, 3)).toEqual(['4', '2.3', '—']);

    expect(searchOf(requests, '/api/v1/metrics/follow-ups').get('from')).toBe('2026-11-01');
    expect(requests.some((r) => new URL(r.url).pathname === '/api/v1/metrics/activity')).toBe(false);

    await user.click(giveUp);
    const dialog = await screen.findByRole('dialog', { name: 'Early give-up rate: records' });
    expect(await within(dialog).findByRole('link', { name: 'Acme rollout' })).toHaveAttribute('href', `/opportunities/${dealId}`);
    const explain = searchOf(requests, '/api/v1/metrics/follow-ups/explain');
    expect(explain.get('figure')).toBe('early_give_ups');
    expect(explain.get('to')).toBe('2026-12-01');
  });

  it('shows quota attainment with the share at 100%, a null attainment, and drills into one quota', async () => {
    const row = {
      quotaId, userId: rita.id, displayName: 'Rita Rep', period: 'month', periodStart: '2026-11-01', periodEnd: '2026-11-30',
      kind: 'revenue', target: 10000, achieved: 12500, revenueWon: 12500, dealsWon: 2, attainment: 1.25, attained: true,
      inProgress: true, measuredTo: '2026-11-20T10:00:00Z',
    };
    const { requests } = base({
      'GET /api/v1/metrics/quota-attainment': () =>
        json({
          context,
          summary: { quotas: 2, quotasAtOrAbove: 1, shareAtOrAbove: 0.5, repsWithQuota: 2, repsAtOrAbove: 1, repShareAtOrAbove: 0.5 },
          quotas: [
            row,
            { ...row, quotaId: 'q2', userId: managerMe.id, displayName: 'Mona Manager', kind: 'deals', target: 0, achieved: 0, dealsWon: 0, attainment: null, attained: false, inProgress: false },
          ],
        }),
      'GET /api/v1/metrics/quota-attainment/explain': () =>
        json({
          items: [{ kind: 'opportunity', id: dealId, at: '2026-11-03T10:00:00Z', ownerId: rita.id, label: 'Acme rollout', amount: 12500, value: null, opportunityId: dealId }],
          nextCursor: null,
        }),
      'GET /api/v1/metrics/funnel': () =>
        json({ context, totals: { outboundCalls: 20, meetingsBooked: 2, dealsWon: 0, callToMeetingRate: 0.1, meetingToDealRate: 0, callToDealRate: 0 }, series: null }),
      'GET /api/v1/metrics/leaderboard': () =>
        json({ context, rankBy: 'revenue_won', reps: [{ rank: 1, userId: rita.id, displayName: 'Rita Rep', teamId, revenueWon: 12500, dealsWon: 2, activities: 30, attainment: null }] }),
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, `/dashboard?tab=quotas&${window}`);

    const figures = await screen.findByRole('list', { name: 'Quota figures' });
    expect(within(figures).getByText('Quotas at or above 100%').parentElement).toHaveTextContent('50%1 of 2 quotas');
    const table = screen.getByRole('table', { name: 'Quota attainment per rep' });
    const ritaRow = within(table).getByRole('rowheader', { name: 'Rita Rep' }).closest('tr') as HTMLElement;
    expect(ritaRow).toHaveTextContent('€10,000');
    expect(ritaRow).toHaveTextContent('125% (so far)');
    const monaRow = within(table).getByRole('rowheader', { name: 'Mona Manager' }).closest('tr') as HTMLElement;
    expect(monaRow).toHaveTextContent('0 deals');
    expect(monaRow).toHaveTextContent('—');

    const funnel = await screen.findByRole('list', { name: 'Funnel figures' });
    expect(within(funnel).getByRole('button', { name: /Meetings booked/ })).toHaveTextContent('10% of outbound calls');
    const board = await screen.findByRole('table', { name: 'Leaderboard' });
    expect(within(board).getByRole('rowheader', { name: 'Rita Rep' }).closest('tr')).toHaveTextContent('€12,500');

    await user.selectOptions(screen.getByLabelText('Rank by'), 'Deals won');
    await screen.findByRole('table', { name: 'Leaderboard' });
    expect(searchOf(requests, '/api/v1/metrics/leaderboard').get('rankBy')).toBe('deals_won');

    await user.click(within(ritaRow).getByRole('button', { name: /2 won/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Rita Rep, 2026-11-01: records' });
    expect(await within(dialog).findByRole('link', { name: 'Acme rollout' })).toBeInTheDocument();
    expect(searchOf(requests, '/api/v1/metrics/quota-attainment/explain').get('quotaId')).toBe(quotaId);
  });

  it('lists stale deals linking to the deal and opens a stage drill-down', async () => {
    const stage = { pipelineId, stageId, name: 'Qualify', kind: 'open', position: 1, probability: 20, count: 3, amount: 9000, weightedAmount: 1800, averageDaysInStage: null, medianDaysInStage: null };
    const { requests } = base({
      'GET /api/v1/metrics/pipeline': () =>
        json({ context: { asOf: '2026-11-20T10:00:00Z', pipelineId: null, teamId, userId: null, timeZone: 'UTC' }, totals: { count: 3, amount: 9000, weightedAmount: 1800 }, byStage: [stage], byRep: [] }),
      'GET /api/v1/metrics/pipeline/conversion': () =>
        json({ context, totals: { stages: [{ pipelineId, stageId, name: 'Qualify', position: 1, entered: 0, advanced: 0, lost: 0, movedBack: 0, stillIn: 0, advancedRate: null, lostRate: null, movedBackRate: null, stillInRate: null }] }, series: null }),
      'GET /api/v1/metrics/pipeline/days-in-stage': () => json({ context, totals: { stages: [] }, series: null }),
      'GET /api/v1/metrics/pipeline/stale': () =>
        json({
          items: [{ opportunityId: dealId, name: 'Acme rollout', ownerId: rita.id, stageId, stageName: 'Qualify', amount: 9000, stageEnteredAt: '2026-10-01T00:00:00Z', daysInStage: 50, limitDays: 30, limitSource: 'stage_setting' }],
          nextCursor: null,
        }),
      'GET /api/v1/metrics/pipeline/explain': () => json({ items: [], nextCursor: null }),
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, `/dashboard?tab=pipeline&${window}`);

    const stale = await screen.findByRole('table', { name: 'Stale deals' });
    expect(within(stale).getByRole('link', { name: 'Acme rollout' })).toHaveAttribute('href', `/opportunities/${dealId}`);
    expect(within(stale).getByRole('row', { name: /Acme rollout/ })).toHaveTextContent('Rita Rep');
    const conversion = await screen.findByRole('table', { name: 'Stage conversion' });
    expect(within(conversion).getByRole('rowheader', { name: 'Qualify' }).closest('tr')).toHaveTextContent('— (0 of 0)');
    expect(await screen.findByText('No deals left a stage in this period.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Qualify: show the records/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Open in Qualify: records' });
    expect(await within(dialog).findByText('No records behind this figure.')).toBeInTheDocument();
    const explain = searchOf(requests, '/api/v1/metrics/pipeline/explain');
    expect(explain.get('figure')).toBe('open_opportunities');
    expect(explain.get('stageId')).toBe(stageId);
  });
});
