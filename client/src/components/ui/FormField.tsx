import { useId, type ReactNode } from 'react';
import type { ApiProblem } from '../../api/problem';

/** What a field hands its control so that the label, hint and errors are tied to it. */
export interface FieldControlProps {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldProps {
  label: string;
  name: string;
  /** The failed save whose field errors (`problem.errorsFor(name)`) this field shows. */
  problem?: ApiProblem | null | undefined;
  /** Messages to show instead of, or besides, the problem's (e.g. a check made before sending). */
  errors?: readonly string[] | undefined;
  hint?: ReactNode;
}

/**
 * A label, an optional hint and the field's validation messages around one control. The messages
 * come from problem details by JSON field name, so a failed save shows, field by field, why.
 */
export function FormField({
  label,
  name,
  problem,
  errors = [],
  hint,
  children,
}: FieldProps & { children: (control: FieldControlProps) => ReactNode }) {
  const id = useId();
  const messages = [...errors, ...(problem?.errorsFor(name) ?? [])];
  const invalid = messages.length > 0;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = invalid ? `${id}-errors` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {children({ id, name, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy })}
      {invalid && (
        <ul id={errorId} className="field__errors">
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
