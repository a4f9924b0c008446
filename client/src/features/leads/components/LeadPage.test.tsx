import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/routes';
import { json, mockApi, problem } from '../../../test/mockFetch';
import { renderRoutes } from '../../../test/renderRoutes';
import { adminMe, signIn } from '../../../test/signedIn';

const leadId = '00000000-0000-7000-8000-0000000000l1';
const lead = {
  id: leadId,
  name: 'Ada Lovelace',
  company: 'Engines Ltd',
  email: 'ada@example.com',
  phone: null,
  source: 'web',
  ownerId: adminMe.id,
  status: 'working',
  disqualificationReason: null,
  createdAt: '2025-01-01T09:00:00Z',
  createdBy: adminMe.id,
  convertedAt: null,
  convertedAccountId: null,
  convertedContactId: null,
  convertedOpportunityId: null,
  externalId: null,
  version: 3,
};

describe('Lead convert dialog', () => {
  it('keeps what was typed and shows field errors, then converts and opens the opportunity', async () => {
    let attempts = 0;
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(adminMe),
      [`GET /api/v1/leads/${leadId}`]: () => json(lead, { headers: { ETag: '"3"' } }),
      'GET /api/v1/pipelines': () => json({ items: [], nextCursor: null }),
      [`POST /api/v1/leads/${leadId}/convert`]: () => {
        attempts += 1;
        if (attempts === 1) {
          return problem({
            status: 400,
            title: 'One or more validation errors occurred.',
            errors: { 'opportunity.amount': ['The amount must be at most 1,000,000,000,000.'] },
          });
        }
        return json({ accountId: 'a1', contactId: 'c1', opportunityId: 'o1', lead: { ...lead, status: 'converted' } });
      },
      'GET /api/v1/opportunities/o1': () => problem({ status: 404, title: 'Not found' }),
    });
    signIn();
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, `/leads/${leadId}`);
    await user.click(await screen.findByRole('button', { name: 'Convert' }));

    const name = await screen.findByLabelText('Opportunity name');
    const amount = screen.getByLabelText('Amount');
    await user.clear(name);
    await user.type(name, 'Engines rollout');
    await user.type(amount, '2000000000000');
    await user.click(screen.getByRole('button', { name: 'Convert lead' }));

    await waitFor(() => {
      expect(amount).toHaveAccessibleDescription('The amount must be at most 1,000,000,000,000.');
    });
    expect(name).toHaveValue('Engines rollout');
    expect(amount).toHaveValue(2000000000000);

    await user.clear(amount);
    await user.type(amount, '5000');
    await user.click(screen.getByRole('button', { name: 'Convert lead' }));

    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/opportunities/o1');
    });
    const sent = requests.filter((r) => r.method === 'POST');
    expect(sent[1]?.headers.get('If-Match')).toBe('"3"');
    expect(await sent[1]?.json()).toEqual({ opportunity: { name: 'Engines rollout', amount: 5000, pipelineId: null } });
  });
});
