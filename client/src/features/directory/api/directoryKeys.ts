export const directoryKeys = {
  accounts: ['accounts'] as const,
  accountList: (q: string) => [...directoryKeys.accounts, 'list', q] as const,
  account: (id: string) => [...directoryKeys.accounts, 'detail', id] as const,
  accountTimeline: (id: string) => [...directoryKeys.accounts, 'timeline', id] as const,
  contacts: ['contacts'] as const,
  contactList: (q: string) => [...directoryKeys.contacts, 'list', q] as const,
  contact: (id: string) => [...directoryKeys.contacts, 'detail', id] as const,
  contactTimeline: (id: string) => [...directoryKeys.contacts, 'timeline', id] as const,
};
