import type { ComponentPropsWithRef } from 'react';
import { FormField, type FieldProps } from './FormField';

export interface SelectOption {
  value: string;
  label: string;
}

type Props = Omit<ComponentPropsWithRef<'select'>, 'id' | 'name' | 'children'> &
  FieldProps & { options: readonly SelectOption[]; placeholder?: string };

/** A labelled select; `placeholder` adds a first option with the empty value. */
export function SelectField({ label, name, problem, errors, hint, options, placeholder, ...select }: Props) {
  return (
    <FormField label={label} name={name} problem={problem} errors={errors} hint={hint}>
      {(control) => (
        <select className="field__input" {...control} {...select}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
