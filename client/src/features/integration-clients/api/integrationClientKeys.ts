export const integrationClientKeys = {
  all: ['integration-clients'] as const,
  list: () => [...integrationClientKeys.all, 'list'] as const,
};
