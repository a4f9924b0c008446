import { useState, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import { Button, FormAlert, TextField, usePageTitle } from '../../../components/ui';
import { useSignOut } from '../../auth';
import { useChangePassword } from '../api/useChangePassword';

const FIELDS = ['currentPassword', 'newPassword'];

export function ChangePasswordPage() {
  usePageTitle('Change password');
  const changePassword = useChangePassword();
  const signOut = useSignOut();
  const [mismatch, setMismatch] = useState(false);
  const problem = changePassword.error ? toApiProblem(changePassword.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const newPassword = text('newPassword');
    if (newPassword !== text('confirmPassword')) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    changePassword.mutate(
      { currentPassword: text('currentPassword'), newPassword },
      {
        // Every session ends with the change; sign in again with the new password.
        onSuccess: () => {
          signOut({ notice: 'Your password was changed. Sign in with the new one.' });
        },
      },
    );
  }

  return (
    <section aria-labelledby="password-heading" className="narrow">
      <h1 id="password-heading">Change password</h1>
      <form className="panel form" onSubmit={handleSubmit} noValidate aria-busy={changePassword.isPending}>
        <FormAlert problem={problem} fields={FIELDS} />
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          problem={problem}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint="12 to 128 characters."
          minLength={12}
          maxLength={128}
          required
          problem={problem}
        />
        <TextField
          label="Repeat the new password"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          errors={mismatch ? ['The two new passwords are not the same.'] : undefined}
        />
        <p className="muted">Changing it signs you out everywhere, this browser included.</p>
        <div className="form__actions">
          <Button type="submit" disabled={changePassword.isPending}>
            {changePassword.isPending ? 'Changing…' : 'Change password'}
          </Button>
        </div>
      </form>
    </section>
  );
}
