export const quickLogKeys = {
  all: ['record-search'] as const,
  search: (type: string, q: string) => [...quickLogKeys.all, type, q] as const,
};
