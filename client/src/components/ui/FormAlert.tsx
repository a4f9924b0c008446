import type { ApiProblem } from '../../api/problem';
import { Alert } from './Alert';
import { Button } from './Button';

interface Props {
  problem: ApiProblem | null;
  /** The fields the form shows next to their inputs; other field errors are listed here. */
  fields: readonly string[];
  /** Offered on 412: fetches the record again so the form shows the other person's change. */
  onReload?: () => void;
}

/** What went wrong with a form's save, in words: a stale version, a conflict, or fields to fix. */
export function FormAlert({ problem, fields, onReload }: Props) {
  if (!problem) return null;

  if (problem.status === 412) {
    return (
      <Alert>
        <p className="alert__title">Someone else changed this while you were editing.</p>
        <p>Nothing was saved. Reload to see their version, then make your changes again.</p>
        {onReload && (
          <Button variant="secondary" onClick={onReload}>
            Reload
          </Button>
        )}
      </Alert>
    );
  }

  const others = problem.errorsOutside(fields);
  const hasFieldErrors = Object.keys(problem.fieldErrors).length > 0;
  return (
    <Alert>
      <p className="alert__title">
        {hasFieldErrors && others.length === 0 ? 'Please correct the fields marked below.' : (problem.detail ?? problem.title)}
      </p>
      {others.length > 0 && (
        <ul>
          {others.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
