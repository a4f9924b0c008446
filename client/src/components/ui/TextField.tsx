import type { ComponentPropsWithRef } from 'react';
import { FormField, type FieldProps } from './FormField';

type Props = Omit<ComponentPropsWithRef<'input'>, 'id' | 'name'> & FieldProps;

/** A labelled input whose validation messages are announced with it. */
export function TextField({ label, name, problem, errors, hint, className, ...input }: Props) {
  return (
    <FormField label={label} name={name} problem={problem} errors={errors} hint={hint}>
      {(control) => <input className={['field__input', className].filter(Boolean).join(' ')} {...control} {...input} />}
    </FormField>
  );
}
