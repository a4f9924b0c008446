import type { FullConfig } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Runs once the API is up: fails fast when it serves another SPA build than client/dist. */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error('playwright.config.ts sets no baseURL');
  const served = await (await fetch(`${baseURL}/`)).text();
  const built = readFileSync(path.resolve(import.meta.dirname, '../dist/index.html'), 'utf8');
  if (served !== built) {
    throw new Error(
      'The API serves a different SPA build than client/dist. Use an API build that honours ' +
        '--Spa:RootPath, or run `dotnet build Api` so its wwwroot holds this build.',
    );
  }
}
