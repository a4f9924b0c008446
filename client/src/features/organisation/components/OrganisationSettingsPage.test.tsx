import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';

const settings = { name: 'Acme Sales', timeZone: 'Europe/Warsaw', currency: 'PLN', version: 2 };

async function openPage() {
  signIn();
  const user = userEvent.setup();
  renderRoutes(routes, '/admin/organisation');
  await screen.findByDisplayValue('Acme Sales');
  return user;
}

describe('Organisation settings page', () => {
  it('lists the browser’s IANA time zones and saves with If-Match', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/organisation': () => json(settings, { headers: { ETag: '"2"' } }),
      'PUT /api/v1/organisation': async (request) =>
        json({ ...((await request.json()) as object), version: 3 }, { headers: { ETag: '"3"' } }),
    });
    const user = await openPage();

    const zone = screen.getByLabelText('Time zone');
    expect(zone).toHaveValue('Europe/Warsaw');
    expect(within(zone).getByRole('option', { name: 'America/New York' })).toHaveValue('America/New_York');
    await user.selectOptions(zone, 'America/New_York');
    const currency = screen.getByLabelText('Currency');
    await user.clear(currency);
    await user.type(currency, 'usd');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() => {
      expect(screen.getByTestId('toasts-polite')).toHaveTextContent('Organisation settings saved.');
    });
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"2"');
    expect(await put?.json()).toEqual({ name: 'Acme Sales', timeZone: 'America/New_York', currency: 'USD' });
    expect(screen.getByLabelText('Currency')).toHaveValue('USD');
  });

  it('shows field errors from a 400 and the stale-version message on a 412', async () => {
    let status = 400;
    mockApi({
      'GET /api/v1/me': () => json(adminMe),
      'GET /api/v1/organisation': () => json(settings, { headers: { ETag: '"2"' } }),
      'PUT /api/v1/organisation': () =>
        status === 400
          ? problem({
              status: 400,
              title: 'The request is not valid.',
              errors: { currency: ['currency must be an ISO 4217 code such as EUR.'] },
            })
          : problem({ status: 412, title: 'Precondition failed', detail: 'The record has changed.' }),
    });
    const user = await openPage();

    const currency = screen.getByLabelText('Currency');
    await user.clear(currency);
    await user.type(currency, 'XX');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => {
      expect(currency).toHaveAccessibleDescription(/currency must be an ISO 4217 code such as EUR\./);
    });

    status = 412;
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    const alert = await screen.findByText('Someone else changed this while you were editing.');
    expect(alert.closest('[role="alert"]')).toHaveTextContent('Reload to see their version');
    expect(screen.getByLabelText('Currency')).toHaveValue('XX');
  });
});
