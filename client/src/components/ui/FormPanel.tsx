import { useId, type ReactNode, type SubmitEvent } from 'react';
import type { ApiProblem } from '../../api/problem';
import { FormAlert } from './FormAlert';
import { SubmitButton } from './SubmitButton';

interface Props {
  /** The form's heading, which names it. */
  title: ReactNode;
  /** `h3` for a form inside a section that has its own `h2`. */
  headingLevel?: 2 | 3;
  /** A note under the heading. */
  intro?: ReactNode;
  onSubmit: (event: SubmitEvent<HTMLFormElement>) => void;
  problem: ApiProblem | null;
  /** The fields shown as inputs; their errors stand by them, others in the alert. */
  fields: readonly string[];
  onReload?: () => void;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** `inline`: the fields and the button in one row (a create form); `stacked`: one field a line, the button below. */
  layout?: 'inline' | 'stacked';
  /** Shown under the fields, e.g. what the choice already holds. */
  footer?: ReactNode;
  children: ReactNode;
}

/** A form in a panel: heading, what went wrong with the last save, the fields and the submit button. */
export function FormPanel({
  title,
  headingLevel = 2,
  intro,
  onSubmit,
  problem,
  fields,
  onReload,
  submitLabel,
  pendingLabel,
  pending,
  layout = 'inline',
  footer,
  children,
}: Props) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const submit = <SubmitButton label={submitLabel} pendingLabel={pendingLabel} pending={pending} />;
  return (
    <form className="panel form" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
      {intro}
      <FormAlert problem={problem} fields={fields} onReload={onReload} />
      {layout === 'inline' ? (
        <div className="form form--inline">
          {children}
          {submit}
        </div>
      ) : (
        <>
          {children}
          <div className="form__actions">{submit}</div>
        </>
      )}
      {footer}
    </form>
  );
}
