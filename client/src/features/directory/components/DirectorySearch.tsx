import { TextField } from '../../../components/ui';
import { useMe } from '../../auth';
import { OwnerFilterFields } from '../../users/components/OwnerFilterFields';
import type { useDirectoryFilters } from '../hooks/useDirectoryFilters';

type Props = ReturnType<typeof useDirectoryFilters> & { label: string; hint: string };

/** A directory list's search field and owner filter. */
export function DirectorySearch({ label, hint, filters, owner, setQuery, setOwner }: Props) {
  const me = useMe();
  return (
    <form className="panel form form--inline" role="search" aria-label={label} onSubmit={(e) => { e.preventDefault(); }}>
      <TextField
        label="Search"
        name="q"
        type="search"
        hint={hint}
        defaultValue={filters.q}
        onChange={(event) => {
          setQuery(event.target.value.trim());
        }}
      />
      {/* The directory is shared: anyone may narrow it to their own records, managers and admins to a team or person. */}
      {me.data && <OwnerFilterFields me={me.data} filter={owner} onChange={setOwner} />}
    </form>
  );
}
