import type { ReactNode } from 'react';
import { TextField } from '../../../components/ui';

/** A list's search field; `children` adds more filters beside it. */
export function SearchBox({
  label,
  hint,
  value,
  onChange,
  children,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  children?: ReactNode;
}) {
  return (
    <form className="panel form form--inline" role="search" aria-label={label} onSubmit={(e) => { e.preventDefault(); }}>
      <TextField
        label="Search"
        name="q"
        type="search"
        hint={hint}
        defaultValue={value}
        onChange={(event) => {
          onChange(event.target.value.trim());
        }}
      />
      {children}
    </form>
  );
}
