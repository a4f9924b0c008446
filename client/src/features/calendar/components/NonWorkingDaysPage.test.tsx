import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';
import { weekdayOf } from '../weekday';

describe('Admin calendar', () => {
  it('lists the non-working days with their weekday and removes one after confirming', async () => {
    let days = [{ date: '2027-01-01', name: 'New Year' }, { date: '2027-01-06', name: 'Epiphany' }];
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/calendar/non-working-days': () => json(days),
      'DELETE /api/v1/calendar/non-working-days/2027-01-06': () => {
        days = days.filter((d) => d.date !== '2027-01-06');
        return new Response(null, { status: 204 });
      },
    });
    signIn();
    renderRoutes(routes, '/admin/calendar');
    const user = userEvent.setup();

    const table = await screen.findByRole('table', { name: 'Non-working days' });
    expect(within(table).getByRole('row', { name: /New Year/ })).toHaveTextContent('Friday');
    await user.click(within(table).getByRole('button', { name: 'Remove 2027-01-06 (Epiphany)' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('2027-01-06 is an ordinary day again.')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'DELETE')).toBe(true);
  });

  it('adds a day with an Idempotency-Key and shows a taken date next to the date field', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/calendar/non-working-days': () => json([]),
      'POST /api/v1/calendar/non-working-days': () =>
        problem({ status: 409, title: 'Conflict', errors: { date: ['2027-01-01 is already a non-working day.'] } }),
    });
    signIn();
    renderRoutes(routes, '/admin/calendar');
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Date'), '2027-01-01');
    await user.type(screen.getByLabelText('Name'), 'New Year');
    await user.click(screen.getByRole('button', { name: 'Add day' }));
    expect(await screen.findByText('2027-01-01 is already a non-working day.')).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.headers.get('Idempotency-Key')).toMatch(/.+/);
    expect(await post?.json()).toEqual({ date: '2027-01-01', name: 'New Year' });
  });

  it('names weekdays of calendar dates', () => {
    expect(weekdayOf('2027-01-04')).toBe('Monday');
  });
});
