import type { SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import { Alert, Button, TextField } from '../../../components/ui';
import { useCountdown } from '../hooks/useCountdown';
import { useSignIn } from '../hooks/useSignIn';

export function SignInForm() {
  const signIn = useSignIn();
  const [secondsLeft, startCountdown] = useCountdown();
  const problem = signIn.error ? toApiProblem(signIn.error) : null;
  const fieldErrors = problem?.fieldErrors ?? {};

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signIn.mutate(
      { email: text(form, 'email'), password: text(form, 'password') },
      {
        onError: (error) => {
          const retryAfter = toApiProblem(error).retryAfterSeconds;
          if (retryAfter !== null) startCountdown(retryAfter);
        },
      },
    );
  }

  const waiting = secondsLeft > 0;
  return (
    <form className="sign-in__form" onSubmit={handleSubmit} noValidate aria-busy={signIn.isPending}>
      {problem && (
        <Alert>
          {problem.status === 429 ? tooManyAttempts(problem.retryAfterSeconds) : (problem.detail ?? problem.title)}
        </Alert>
      )}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        errors={fieldErrors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldErrors.password}
      />
      <Button type="submit" disabled={signIn.isPending || waiting}>
        {signIn.isPending ? 'Signing in…' : waiting ? `Retry in ${String(secondsLeft)} s` : 'Sign in'}
      </Button>
    </form>
  );
}

function tooManyAttempts(retryAfterSeconds: number | null): string {
  return retryAfterSeconds === null
    ? 'Too many attempts, retry later.'
    : `Too many attempts, retry in ${String(retryAfterSeconds)} s.`;
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
