import { TextField } from '../../../components/ui';

export function SearchBox({ label, hint, value, onChange }: { label: string; hint: string; value: string; onChange: (value: string) => void }) {
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
    </form>
  );
}
