import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { signIn } from '../../../test/signedIn';

const rep = { id: 'rep-1', email: 'rita@example.test', displayName: 'Rita Rep', role: 'rep', teamId: null };
const stage = (id: string, name: string, position: number, probability: number, kind = 'open') => ({
  id,
  pipelineId: 'p1',
  name,
  position,
  probability,
  staleAfterDays: null,
  kind,
  archivedAt: null,
  version: 1,
});
const pipeline = {
  id: 'p1',
  name: 'Sales',
  isDefault: true,
  createdAt: '2026-01-01T00:00:00Z',
  version: 1,
  // Out of order on purpose: the board orders by position.
  stages: [stage('lost', 'Lost', 4, 0, 'lost'), stage('disc', 'Discovery', 1, 10), stage('qual', 'Qualified', 2, 20), stage('won', 'Won', 3, 100, 'won')],
};
const deal = {
  id: 'd1',
  name: 'Acme rollout',
  accountId: 'a1',
  ownerId: rep.id,
  pipelineId: 'p1',
  stageId: 'disc',
  stageName: 'Discovery',
  stageProbability: 10,
  amount: 12000,
  stageEnteredAt: new Date().toISOString(),
  version: 3,
};

describe('Pipeline board', () => {
  it('moves with If-Match, reloads and says so on 412, and asks for a reason before Lost', async () => {
    let listReads = 0;
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(rep),
      'GET /api/v1/pipelines': () => json({ items: [pipeline], nextCursor: null }),
      'GET /api/v1/lost-reasons': () =>
        json({ items: [{ id: 'price', name: 'Price', createdAt: '2026-01-01T00:00:00Z', archivedAt: null }], nextCursor: null }),
      'GET /api/v1/opportunities': () => {
        listReads += 1;
        return json({ items: [deal], nextCursor: null });
      },
      'GET /api/v1/accounts/a1': () => json({ id: 'a1', name: 'Acme Rockets' }),
      'POST /api/v1/opportunities/d1/stage-moves': () =>
        problem({ status: 412, title: 'Precondition Failed', detail: 'The opportunity was changed.' }),
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/pipeline');

    const headings = await screen.findAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual(['Discovery', 'Qualified', 'Won', 'Lost']);
    const discovery = within(screen.getByTestId('column-Discovery'));
    expect(discovery.getByTestId('column-count')).toHaveTextContent('1');
    expect(discovery.getByTestId('column-weighted')).toHaveTextContent('1,200');
    expect(await discovery.findByText('Acme Rockets')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Move Acme rollout to'), 'Qualified');
    expect(await screen.findByText(/Someone else changed “Acme rollout” first/)).toBeInTheDocument();
    const move = requests.find((r) => r.method === 'POST');
    expect(move?.headers.get('If-Match')).toBe('"3"');
    expect(await move?.json()).toEqual({ toStageId: 'qual' });
    await waitFor(() => {
      expect(listReads).toBeGreaterThan(1);
    });

    await user.selectOptions(screen.getByLabelText('Move Acme rollout to'), 'Lost');
    const dialog = within(await screen.findByRole('dialog', { name: 'Mark “Acme rollout” as lost' }));
    await user.click(dialog.getByRole('button', { name: 'Mark as lost' }));
    expect(dialog.getByLabelText('Lost reason')).toHaveAccessibleDescription('Choose why the deal was lost.');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
