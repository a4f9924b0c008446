import { Link } from 'react-router';
import { Page, PagedTable, SelectField, TextField, useUrlParams, type Column } from '../../../components/ui';
import { useMe } from '../../auth';
import { OwnerFilterFields } from '../../users/components/OwnerFilterFields';
import { useOwnerFilter } from '../../users/hooks/useOwnerFilter';
import { LEAD_STATUSES, leadStatusLabel, useLeads, type Lead, type LeadFilters, type LeadStatus } from '../api/useLeads';
import { SalesQualifiedBadge } from '../../lead-scoring/components/LeadScore';
import { CreateLeadForm } from './CreateLeadForm';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function isStatus(value: string | null): value is LeadStatus {
  return LEAD_STATUSES.some((status) => status === value);
}

const columns: Column<Lead>[] = [
  {
    id: 'name',
    header: 'Name',
    rowHeader: true,
    cell: (lead) => <Link to={`/leads/${lead.id}`}>{lead.name}</Link>,
    csv: (lead) => lead.name,
  },
  { id: 'company', header: 'Company', cell: (lead) => lead.company ?? '—', csv: (lead) => lead.company },
  { id: 'email', header: 'Email', cell: (lead) => lead.email ?? '—', csv: (lead) => lead.email },
  { id: 'source', header: 'Source', cell: (lead) => lead.source ?? '—', csv: (lead) => lead.source },
  { id: 'status', header: 'Status', cell: (lead) => leadStatusLabel[lead.status], csv: (lead) => lead.status },
  {
    id: 'score',
    header: 'Score',
    cell: (lead) => (
      <>
        {lead.score} <SalesQualifiedBadge at={lead.salesQualifiedAt} />
      </>
    ),
    csv: (lead) => lead.score,
  },
  {
    id: 'created',
    header: 'Created',
    cell: (lead) => dateFormat.format(new Date(lead.createdAt)),
    csv: (lead) => lead.createdAt,
  },
];

export function LeadsPage() {
  const [params, update] = useUrlParams();
  const [ownerFilter, setOwnerFilter] = useOwnerFilter();
  const me = useMe();
  const status = params.get('status');
  const filters: LeadFilters = {
    q: params.get('q') ?? '',
    status: isStatus(status) ? status : '',
    source: params.get('source') ?? '',
    ...ownerFilter,
  };
  const leads = useLeads(filters);

  function setFilter(name: 'q' | 'status' | 'source', value: string) {
    update({ [name]: value });
  }

  return (
    <Page title="Leads">
      <CreateLeadForm />
      <form className="panel form form--inline" role="search" aria-label="Filter leads" onSubmit={(e) => { e.preventDefault(); }}>
        <TextField
          label="Search"
          name="q"
          type="search"
          hint="Name, company or email"
          defaultValue={filters.q}
          onChange={(event) => { setFilter('q', event.target.value.trim()); }}
        />
        <SelectField
          label="Status"
          name="status"
          placeholder="Any status"
          options={LEAD_STATUSES.map((value) => ({ value, label: leadStatusLabel[value] }))}
          value={filters.status}
          onChange={(event) => { setFilter('status', event.target.value); }}
        />
        <TextField
          label="Source"
          name="source"
          defaultValue={filters.source}
          onChange={(event) => { setFilter('source', event.target.value.trim()); }}
        />
        {/* Reps only ever see their own leads, so they get no owner filter. */}
        {me.data && me.data.role !== 'rep' && <OwnerFilterFields me={me.data} filter={ownerFilter} onChange={setOwnerFilter} />}
      </form>
      <PagedTable
        query={leads}
        loadingLabel="Loading leads…"
        caption="Leads"
        columns={columns}
        rowKey={(lead) => lead.id}
        exportName="leads"
        empty="No leads match. Create one above or change the filters."
      />
    </Page>
  );
}
