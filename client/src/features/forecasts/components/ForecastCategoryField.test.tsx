import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../app/AppProviders';
import { createQueryClient } from '../../../app/queryClient';
import { json, mockApi, problem } from '../../../test/mockFetch';
import { signIn } from '../../../test/signedIn';
import { ForecastCategoryField } from './ForecastCategoryField';

function renderField(onReload = vi.fn()) {
  render(
    <AppProviders queryClient={createQueryClient()}>
      <ForecastCategoryField opportunityId="o-1" current="pipeline" etag={'"3"'} onReload={onReload} />
    </AppProviders>,
  );
  return onReload;
}

describe('Forecast category on the opportunity page', () => {
  it('sets the category with the ETag the deal was read with and says what was saved', async () => {
    const { requests } = mockApi({
      'PUT /api/v1/opportunities/o-1/forecast': () =>
        json({ opportunityId: 'o-1', category: 'best_case', expectedCloseDate: '2027-01-15', version: 4 }, { headers: { ETag: '"4"' } }),
    });
    signIn();
    renderField();
    const user = userEvent.setup();
    expect(screen.getByText('Currently Pipeline.')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Category'), 'best_case');
    await user.click(screen.getByRole('button', { name: 'Set category' }));
    expect(await screen.findByText('Saved as Best case.')).toBeInTheDocument();
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"3"');
    expect(await put?.json()).toEqual({ category: 'best_case' });
  });

  it('offers Reload when someone changed the deal meanwhile (412)', async () => {
    mockApi({ 'PUT /api/v1/opportunities/o-1/forecast': () => problem({ status: 412, title: 'Precondition failed' }) });
    signIn();
    const onReload = renderField();
    const user = userEvent.setup();

    await user.selectOptions(screen.getByLabelText('Category'), 'commit');
    await user.click(screen.getByRole('button', { name: 'Set category' }));
    await user.click(await screen.findByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalled();
  });
});
