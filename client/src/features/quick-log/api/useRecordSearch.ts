import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { useOpenOpportunities } from '../../opportunities/api/useOpportunities';
import { quickLogKeys } from './quickLogKeys';
import type { LinkedRecord, RecordType } from './types';

const LIMIT = 8;

async function search(type: Exclude<RecordType, 'opportunity'>, q: string): Promise<LinkedRecord[]> {
  const query = { q, limit: LIMIT, sort: 'name' as const };
  switch (type) {
    case 'lead':
      return (await unwrap(api.GET('/api/v1/leads', { params: { query } }))).items.map((lead) => ({
        type,
        id: lead.id,
        label: lead.company ? `${lead.name} (${lead.company})` : lead.name,
      }));
    case 'contact':
      return (await unwrap(api.GET('/api/v1/contacts', { params: { query } }))).items.map((contact) => ({
        type,
        id: contact.id,
        label: `${contact.firstName} ${contact.lastName}`,
      }));
    case 'account':
      return (await unwrap(api.GET('/api/v1/accounts', { params: { query } }))).items.map((account) => ({
        type,
        id: account.id,
        label: account.name,
      }));
  }
}

/**
 * Records matching what was typed. Leads, contacts and accounts are searched by the API (`q`);
 * opportunities have no text search, so the caller's open deals are read once and filtered here.
 */
export function useRecordSearch(type: RecordType, q: string) {
  const term = q.trim();
  const opportunities = useOpenOpportunities(type === 'opportunity');
  const directory = useQuery({
    queryKey: quickLogKeys.search(type, term),
    queryFn: () => search(type as Exclude<RecordType, 'opportunity'>, term),
    enabled: type !== 'opportunity' && term.length > 0,
    staleTime: 30_000,
  });
  if (type === 'opportunity') {
    const needle = term.toLowerCase();
    const matches = (opportunities.data ?? [])
      .filter((opportunity) => opportunity.name.toLowerCase().includes(needle))
      .slice(0, LIMIT)
      .map((opportunity) => ({ type, id: opportunity.id, label: opportunity.name }));
    return { results: matches, isFetching: opportunities.isFetching, error: opportunities.error };
  }
  return { results: term ? (directory.data ?? []) : [], isFetching: directory.isFetching, error: directory.error };
}
