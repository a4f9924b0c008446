import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { signIn } from '../../../test/signedIn';

const rep = { id: 'rep-1', email: 'rita@example.test', displayName: 'Rita Rep', role: 'rep', teamId: null };
const followUp = (id: string, dueAt: string, isOverdue: boolean, notes: string) => ({
  id,
  ownerId: rep.id,
  channel: 'call',
  dueAt,
  leadId: 'lead-1',
  opportunityId: null,
  notes,
  status: 'open',
  isOverdue,
  completedAt: null,
  fulfilledByActivityId: null,
  cancelledAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  createdBy: rep.id,
  externalId: null,
  version: 2,
});

describe('My day', () => {
  it('lists overdue follow-ups first, completes one with If-Match, and shows recent activity', async () => {
    let open = [
      followUp('late', new Date(Date.now() - 86_400_000).toISOString(), true, 'Chase the contract'),
      followUp('soon', new Date(Date.now() + 3 * 86_400_000).toISOString(), false, 'Demo prep'),
    ];
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(rep),
      'GET /api/v1/follow-ups': () => json({ items: open, nextCursor: null }),
      'GET /api/v1/activities': () =>
        json({
          items: [{ id: 'a1', type: 'call', direction: 'outbound', outcome: 'no_answer', durationSeconds: 30, occurredAt: '2026-11-23T09:00:00Z', opportunityId: null, notes: null, body: null }],
          nextCursor: null,
        }),
      'POST /api/v1/follow-ups/late/complete': () => {
        open = open.filter((f) => f.id !== 'late');
        return json({ ...followUp('late', '', false, ''), status: 'completed' });
      },
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/');

    expect(await screen.findByRole('heading', { name: 'Overdue (1)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Coming up (1)' })).toBeInTheDocument();
    expect(await screen.findByText('Outbound call, no answer, 30 s')).toBeInTheDocument();
    const query = new URL(requests.find((r) => r.url.includes('/follow-ups'))?.url ?? '').searchParams;
    expect(query.get('ownerId')).toBe(rep.id);
    expect(query.get('status')).toBe('open');

    const late = screen.getByText('Chase the contract').closest('li');
    if (!late) throw new Error('no follow-up item');
    await user.click(within(late).getByRole('button', { name: /^Complete/ }));
    await waitFor(() => {
      expect(screen.queryByText('Chase the contract')).not.toBeInTheDocument();
    });
    const complete = requests.find((r) => r.method === 'POST');
    expect(complete?.headers.get('If-Match')).toBe('"2"');
    expect(screen.getByTestId('toasts-polite')).toHaveTextContent('Follow-up completed.');
  });
});
