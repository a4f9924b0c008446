import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';

function stage(id: string, name: string, position: number, kind: 'open' | 'won' | 'lost', probability: number) {
  return { id, pipelineId: 'p1', name, position, probability, staleAfterDays: null, kind, archivedAt: null, version: 1 };
}

const pipeline = {
  id: 'p1',
  name: 'Sales',
  isDefault: true,
  createdAt: '',
  version: 7,
  stages: [stage('s1', 'Qualify', 1, 'open', 10), stage('s2', 'Propose', 2, 'open', 50), stage('s3', 'Won', 3, 'won', 100), stage('s4', 'Lost', 4, 'lost', 0)],
};

describe('Pipelines admin page', () => {
  it('shows field errors for a new stage and keeps the form', async () => {
    mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/pipelines': () => json({ items: [pipeline], nextCursor: null }),
      'POST /api/v1/pipelines/p1/stages': () =>
        problem({
          status: 400,
          title: 'One or more validation errors occurred.',
          errors: { probability: ['probability must be between 0 and 100.'], name: ['A stage with this name already exists.'] },
        }),
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/admin/pipelines');

    const form = await screen.findByRole('form', { name: 'Add a stage to Sales' });
    await user.type(within(form).getByLabelText('Stage name'), 'Qualify');
    await user.type(within(form).getByLabelText('Probability (%)'), '150');
    await user.click(within(form).getByRole('button', { name: 'Add stage' }));

    await waitFor(() => {
      expect(within(form).getByLabelText('Probability (%)')).toHaveAccessibleDescription('probability must be between 0 and 100.');
    });
    expect(within(form).getByLabelText('Stage name')).toHaveAccessibleDescription('A stage with this name already exists.');
    expect(within(form).getByLabelText('Stage name')).toHaveValue('Qualify');
    expect(within(form).getByText('Please correct the fields marked below.')).toBeInTheDocument();
  });

  it('moves a stage down with the pipeline version in If-Match', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/pipelines': () => json({ items: [pipeline], nextCursor: null }),
      'PUT /api/v1/pipelines/p1/stage-order': () => json({ ...pipeline, version: 8 }),
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/admin/pipelines');

    await user.click(await screen.findByRole('button', { name: 'Move Qualify down' }));
    await waitFor(() => {
      expect(requests.some((r) => r.method === 'PUT')).toBe(true);
    });
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"7"');
    expect(await put?.json()).toEqual({ stageIds: ['s2', 's1', 's3', 's4'] });
  });

  it('says a stage edit was stale (412) and offers Reload', async () => {
    mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/pipelines': () => json({ items: [pipeline], nextCursor: null }),
      'PUT /api/v1/pipelines/p1/stages/s2': () => problem({ status: 412, title: 'Precondition failed' }),
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/admin/pipelines');

    await user.click(await screen.findByRole('button', { name: 'Edit Propose' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit stage Propose' });
    await user.clear(within(dialog).getByLabelText('Probability (%)'));
    await user.type(within(dialog).getByLabelText('Probability (%)'), '60');
    await user.click(within(dialog).getByRole('button', { name: 'Save stage' }));
    expect(await within(dialog).findByText('Someone else changed this while you were editing.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });
});
