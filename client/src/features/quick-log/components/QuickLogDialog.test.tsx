import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { signIn } from '../../../test/signedIn';

const rep = { id: '00000000-0000-7000-8000-0000000000r1', email: 'rita@example.test', displayName: 'Rita Rep', role: 'rep', teamId: null };
const deal = {
  id: '00000000-0000-7000-8000-0000000000d1',
  name: 'Acme rollout',
  accountId: '00000000-0000-7000-8000-0000000000a1',
  primaryContactId: null,
  ownerId: rep.id,
  pipelineId: 'p1',
  stageId: 's1',
  stageName: 'Discovery',
  stageProbability: 10,
  amount: 12000,
  expectedCloseDate: null,
  leadId: null,
  competitor: null,
  createdAt: '2026-11-01T09:00:00Z',
  createdBy: rep.id,
  stageEnteredAt: '2026-11-01T09:00:00Z',
  closedAt: null,
  outcome: null,
  lostReasonId: null,
  externalId: null,
  version: 1,
};

describe('Quick log', () => {
  it('keeps what was typed with field errors, reuses the idempotency key on a retry, then offers a follow-up', async () => {
    const callResponses = [
      () =>
        problem({
          status: 400,
          title: 'One or more validation errors occurred.',
          errors: { durationSeconds: ['A call lasts at most 86,400 seconds.'] },
        }),
      () => problem({ status: 503, title: 'Service Unavailable' }),
      () => json({ id: 'call-1', type: 'call' }, { status: 201 }),
    ];
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(rep),
      'GET /api/v1/follow-ups': () => json({ items: [], nextCursor: null }),
      'GET /api/v1/activities': () => json({ items: [], nextCursor: null }),
      'GET /api/v1/opportunities': () => json({ items: [deal], nextCursor: null }),
      'POST /api/v1/activities/calls': () => {
        const next = callResponses.shift();
        if (!next) throw new Error('unexpected call POST');
        return next();
      },
      'POST /api/v1/follow-ups': () => json({ id: 'f1' }, { status: 201 }),
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/');
    await screen.findByTestId('display-name');

    // The L shortcut opens it from the page; a call is the default.
    await user.keyboard('l');
    const dialog = within(await screen.findByRole('dialog', { name: 'Quick log' }));
    expect(dialog.getByLabelText('Call')).toBeChecked();
    expect(dialog.getByLabelText('Direction')).toHaveValue('outbound');
    expect(dialog.getByLabelText('Outcome')).toHaveValue('connected');

    await user.type(dialog.getByLabelText('Find opportunity'), 'acme');
    await user.click(await dialog.findByRole('button', { name: 'Acme rollout' }));
    await user.type(dialog.getByLabelText('Minutes'), '2000');
    await user.type(dialog.getByLabelText('Notes'), 'Talked pricing');
    await user.click(dialog.getByRole('button', { name: 'Save' }));

    // 400: the message sits on the minutes field and nothing typed is lost.
    const minutes = dialog.getByLabelText('Minutes');
    await waitFor(() => {
      expect(minutes).toHaveAccessibleDescription('A call lasts at most 86,400 seconds.');
    });
    expect(minutes).toHaveValue(2000);
    expect(dialog.getByLabelText('Notes')).toHaveValue('Talked pricing');
    expect(dialog.getByTestId('linked-record')).toHaveTextContent('Acme rollout');

    // A corrected submission is a new one (new key); its retry after a 503 reuses that key.
    await user.clear(minutes);
    await user.type(minutes, '4');
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    await dialog.findByText('Service Unavailable');
    await user.click(dialog.getByRole('button', { name: 'Save' }));

    const offer = within(await screen.findByRole('dialog', { name: 'Call logged' }));
    const posts = requests.filter((r) => r.method === 'POST' && r.url.endsWith('/activities/calls'));
    expect(posts).toHaveLength(3);
    const keys = posts.map((r) => r.headers.get('Idempotency-Key'));
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys[2]).toBe(keys[1]);
    expect(await posts[2]?.json()).toEqual({
      direction: 'outbound',
      outcome: 'connected',
      durationSeconds: 240,
      notes: 'Talked pricing',
      opportunityId: deal.id,
    });

    // After the call: schedule the next follow-up on the same deal.
    await user.click(offer.getByRole('button', { name: 'Schedule follow-up' }));
    const followUp = within(await screen.findByRole('dialog', { name: 'Quick log' }));
    expect(followUp.getByLabelText('Follow-up')).toBeChecked();
    expect(followUp.getByTestId('linked-record')).toHaveTextContent('Acme rollout');
    await user.click(followUp.getByRole('button', { name: 'Schedule' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    const planned = requests.find((r) => r.method === 'POST' && r.url.endsWith('/follow-ups'));
    const body = (await planned?.json()) as { channel: string; opportunityId: string; dueAt: string };
    expect(body.channel).toBe('call');
    expect(body.opportunityId).toBe(deal.id);
    expect(planned?.headers.get('Idempotency-Key')).toBeTruthy();
    expect(screen.getByTestId('toasts-polite')).toHaveTextContent('Follow-up scheduled.');
  });

  it('is not opened by L while typing in a field', async () => {
    mockApi({
      'GET /api/v1/me': () => json(rep),
      'GET /api/v1/follow-ups': () => json({ items: [], nextCursor: null }),
      'GET /api/v1/activities': () => json({ items: [], nextCursor: null }),
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/');
    await screen.findByTestId('display-name');
    const button = screen.getByRole('button', { name: 'Log' });
    expect(button).toHaveAttribute('aria-keyshortcuts', 'L');
    await user.click(button);
    const dialog = within(await screen.findByRole('dialog', { name: 'Quick log' }));
    await user.click(dialog.getByLabelText('Note'));
    await user.type(dialog.getByLabelText('Note', { selector: 'textarea' }), 'Left a message');
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    expect(dialog.getByLabelText('Note', { selector: 'textarea' })).toHaveValue('Left a message');
  });
});
