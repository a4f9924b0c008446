import type { DirectoryFilters } from './useDirectory';

export const directoryKeys = {
  accounts: ['accounts'] as const,
  accountList: (filters: DirectoryFilters) => [...directoryKeys.accounts, 'list', filters] as const,
  account: (id: string) => [...directoryKeys.accounts, 'detail', id] as const,
  accountTimeline: (id: string) => [...directoryKeys.accounts, 'timeline', id] as const,
  contacts: ['contacts'] as const,
  contactList: (filters: DirectoryFilters) => [...directoryKeys.contacts, 'list', filters] as const,
  contact: (id: string) => [...directoryKeys.contacts, 'detail', id] as const,
  contactTimeline: (id: string) => [...directoryKeys.contacts, 'timeline', id] as const,
};
