import { useId } from 'react';
import type { ApiProblem } from '../../api/problem';

export interface CheckboxOption {
  value: string;
  label: string;
  description?: string;
}

interface Props {
  legend: string;
  name: string;
  options: readonly CheckboxOption[];
  defaultChecked?: readonly string[];
  problem?: ApiProblem | null | undefined;
}

/** A fieldset of checkboxes sharing one name; the group's errors (`scopes`, `scopes[2]`) are shown under it. */
export function CheckboxGroup({ legend, name, options, defaultChecked = [], problem }: Props) {
  const id = useId();
  const messages = problem?.errorsFor(name) ?? [];
  const errorId = messages.length > 0 ? `${id}-errors` : undefined;
  return (
    <fieldset className="checkbox-group" aria-describedby={errorId} aria-invalid={errorId ? true : undefined}>
      <legend className="field__label">{legend}</legend>
      {options.map((option) => (
        <div className="checkbox" key={option.value}>
          <input
            type="checkbox"
            id={`${id}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={defaultChecked.includes(option.value)}
            aria-describedby={option.description ? `${id}-${option.value}-description` : undefined}
          />
          <label htmlFor={`${id}-${option.value}`}>
            {option.label}
            {option.description && (
              <span id={`${id}-${option.value}-description`} className="checkbox__description">
                {option.description}
              </span>
            )}
          </label>
        </div>
      ))}
      {errorId && (
        <ul id={errorId} className="field__errors">
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
