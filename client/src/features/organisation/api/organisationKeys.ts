export const organisationKeys = {
  all: ['organisation'] as const,
  settings: () => [...organisationKeys.all, 'settings'] as const,
};
