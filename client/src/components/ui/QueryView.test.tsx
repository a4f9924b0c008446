import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Page } from './Page';
import { QueryView } from './QueryView';

function Names({ load }: { load: () => Promise<string[]> }) {
  const names = useQuery({ queryKey: ['names'], queryFn: load, retry: false });
  return (
    <Page title="Names">
      <QueryView query={names} loadingLabel="Loading names…">
        {(rows) => <p>{rows.join(', ')}</p>}
      </QueryView>
    </Page>
  );
}

function renderNames(load: () => Promise<string[]>) {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <Names load={load} />
    </QueryClientProvider>,
  );
}

describe('Page and QueryView', () => {
  it('names the page by its heading and the tab, says it is loading, then shows the data', async () => {
    renderNames(() => Promise.resolve(['Ada', 'Grace']));

    expect(screen.getByRole('region', { name: 'Names' })).toContainElement(screen.getByRole('heading', { level: 1, name: 'Names' }));
    expect(document.title).toBe('Names · SalesCrm');
    expect(screen.getByRole('status')).toHaveTextContent('Loading names…');
    expect(await screen.findByText('Ada, Grace')).toBeInTheDocument();
  });

  it('shows a failed load with "Try again", which loads again', async () => {
    let calls = 0;
    renderNames(() => (++calls === 1 ? Promise.reject(new Error('Network down')) : Promise.resolve(['Ada'])));

    expect(await screen.findByRole('alert')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Ada')).toBeInTheDocument();
  });
});
