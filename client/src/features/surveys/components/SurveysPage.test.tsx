import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';

const repMe = { ...adminMe, id: '00000000-0000-7000-8000-0000000000r1', displayName: 'Rita Rep', role: 'rep', teamId: 't1' };
const managerMe = { ...adminMe, id: '00000000-0000-7000-8000-0000000000m1', displayName: 'Mo Manager', role: 'manager', teamId: 't1' };
const survey = {
  id: '00000000-0000-7000-8000-0000000000s1',
  question: 'How likely are you to recommend working here?',
  teamId: 't1',
  opensOn: '2026-11-20',
  closesOn: '2026-11-30',
  answered: false,
};

describe('Surveys page', () => {
  it('answers once on the 0–10 scale, then shows "Answered — thank you"', async () => {
    let answered = false;
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(repMe),
      'GET /api/v1/surveys/open': () => json([{ ...survey, answered }]),
      [`POST /api/v1/surveys/${survey.id}/responses`]: () => {
        answered = true;
        return new Response(null, { status: 204 });
      },
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/surveys');

    expect(await screen.findByRole('heading', { name: survey.question })).toBeInTheDocument();
    expect(screen.getByText(/Answers are anonymous/)).toHaveTextContent('5 or more responses');
    const group = screen.getByRole('group', { name: 'Your answer, from 0 to 10' });
    expect(group).toBeInTheDocument();
    expect(screen.getAllByRole('radio')).toHaveLength(11);
    expect(screen.getByRole('radio', { name: '0 — not at all likely' })).toBeInTheDocument();

    // Nothing chosen: asked to choose, nothing sent.
    await user.click(screen.getByRole('button', { name: 'Send answer' }));
    expect(screen.getByText('Choose a score from 0 to 10.')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: '10 — extremely likely' }));
    // Arrow keys move along the scale, as in any radio group.
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('radio', { name: '9' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Send answer' }));

    expect(await screen.findByText('Answered — thank you')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send answer' })).not.toBeInTheDocument();
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(await posts[0]?.json()).toEqual({ score: 9 });
    expect(posts[0]?.headers.get('Idempotency-Key')).toBeNull();
  });

  it('shows a 409 as already answered and a closed window as closed', async () => {
    const other = { ...survey, id: '00000000-0000-7000-8000-0000000000s2', question: 'And the second question?' };
    mockApi({
      'GET /api/v1/me': () => json(repMe),
      'GET /api/v1/surveys/open': () => json([survey, other]),
      [`POST /api/v1/surveys/${survey.id}/responses`]: () =>
        problem({ status: 409, title: 'Conflict', errors: { score: ['You have already answered this survey.'] } }),
      [`POST /api/v1/surveys/${other.id}/responses`]: () =>
        problem({ status: 400, title: 'Bad request', errors: { survey: ['The survey is closed.'] } }),
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/surveys');

    const [first, second] = await screen.findAllByRole('group', { name: 'Your answer, from 0 to 10' });
    if (!first || !second) throw new Error('two surveys expected');
    await user.click(screen.getAllByRole('radio', { name: '7' })[0] as HTMLElement);
    await user.click(screen.getAllByRole('button', { name: 'Send answer' })[0] as HTMLElement);
    expect(await screen.findByText('You have already answered this survey. Answers cannot be changed.')).toBeInTheDocument();
    expect(screen.getByText('Answered — thank you')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: '3' }));
    await user.click(screen.getByRole('button', { name: 'Send answer' }));
    expect(await screen.findByText('This survey is closed: it no longer takes answers.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send answer' })).toBeDisabled();
  });

  it('lets a manager ask their team, with field errors next to the fields', async () => {
    let attempts = 0;
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(managerMe),
      'GET /api/v1/surveys/open': () => json([]),
      'GET /api/v1/teams': () => json({ items: [{ id: 't1', name: 'Inside sales' }], nextCursor: null }),
      'POST /api/v1/surveys': async (request) => {
        attempts += 1;
        if (attempts === 1) {
          return problem({ status: 400, title: 'Invalid', errors: { closesOn: ['The survey cannot close in the past.'] } });
        }
        return json({ id: 's9', createdAt: '', ...((await request.json()) as object) }, { status: 201 });
      },
    });
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/surveys');

    expect(await screen.findByText('No surveys are open for you right now.')).toBeInTheDocument();
    const audience = await screen.findByLabelText('Audience');
    expect(audience).toHaveValue('t1');
    expect(screen.queryByRole('option', { name: 'Whole organisation' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create survey' }));
    await waitFor(() => {
      expect(screen.getByLabelText('Closes on')).toHaveAccessibleDescription(/The survey cannot close in the past\./);
    });
    await user.click(screen.getByRole('button', { name: 'Create survey' }));
    expect(await screen.findByText('Survey created.')).toBeInTheDocument();
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts[0]?.headers.get('Idempotency-Key')).toBeTruthy();
    expect(posts[1]?.headers.get('Idempotency-Key')).toBe(posts[0]?.headers.get('Idempotency-Key'));
    expect(await posts[1]?.json()).toMatchObject({ teamId: 't1' });
  });
});
