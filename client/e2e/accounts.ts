/** The admin the API bootstraps on its empty e2e database (see playwright.config.ts). */
export const admin = { email: 'admin@e2e.test', password: 'E2e-Password-1!' } as const;
