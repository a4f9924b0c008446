import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../api/problem';
import { FormPanel } from './FormPanel';
import { TextField } from './TextField';

describe('FormPanel', () => {
  it('is a form named by its heading whose submit button says when it is saving', () => {
    const { rerender } = render(
      <FormPanel title="New team" onSubmit={vi.fn()} problem={null} fields={['name']} submitLabel="Create team" pendingLabel="Creating…" pending={false}>
        <TextField label="Team name" name="name" />
      </FormPanel>,
    );
    expect(screen.getByRole('form', { name: 'New team' })).toContainElement(screen.getByRole('textbox', { name: 'Team name' }));
    expect(screen.getByRole('button', { name: 'Create team' })).toBeEnabled();

    rerender(
      <FormPanel title="New team" onSubmit={vi.fn()} problem={null} fields={['name']} submitLabel="Create team" pendingLabel="Creating…" pending>
        <TextField label="Team name" name="name" />
      </FormPanel>,
    );
    expect(screen.getByRole('button', { name: 'Creating…' })).toBeDisabled();
  });

  it('submits, and shows errors of fields it does not show in its alert', async () => {
    const onSubmit = vi.fn((event: { preventDefault: () => void }) => {
      event.preventDefault();
    });
    const problem = new ApiProblem({ status: 400, title: 'Invalid', fieldErrors: { name: ['Name is taken.'], code: ['Code is wrong.'] } });
    render(
      <FormPanel title="New team" onSubmit={onSubmit} problem={problem} fields={['name']} submitLabel="Create team" pendingLabel="Creating…" pending={false}>
        <TextField label="Team name" name="name" problem={problem} />
      </FormPanel>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Code is wrong.');
    expect(screen.getByRole('textbox', { name: 'Team name' })).toHaveAccessibleDescription('Name is taken.');

    await userEvent.click(screen.getByRole('button', { name: 'Create team' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});
