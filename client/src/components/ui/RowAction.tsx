import type { ComponentPropsWithRef } from 'react';
import { Button } from './Button';

type Props = Omit<ComponentPropsWithRef<'button'>, 'aria-label'> & {
  /** Names the button with its row ("Edit Acme"): a column of "Edit" buttons is ambiguous to a screen reader. */
  label: string;
  variant?: 'secondary' | 'danger';
};

/** A small button in a table row's actions. */
export function RowAction({ label, variant = 'secondary', ...rest }: Props) {
  return <Button variant={variant} className="button--small" aria-label={label} {...rest} />;
}
