import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { admin } from './accounts';

const clientRoot = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.E2E_PORT ?? 5199);
const baseURL = `http://127.0.0.1:${String(port)}`;
const apiDll = path.resolve(
  clientRoot,
  process.env.SALESCRM_API_DLL ?? '../Api/bin/Debug/net10.0/SalesCrm.Api.dll',
);
const spaDist = path.join(clientRoot, 'dist');

if (!existsSync(apiDll)) {
  throw new Error(`API not built: ${apiDll} is missing. Run \`dotnet build Api\` or set SALESCRM_API_DLL.`);
}
if (!existsSync(path.join(spaDist, 'index.html'))) {
  throw new Error('SPA not built: run `npm run build` first.');
}

// A fresh, empty database per run. Workers re-evaluate this file, and inherit the env var.
process.env.SALESCRM_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'salescrm-e2e-'));
const dataDir = process.env.SALESCRM_E2E_DATA_DIR;

export default defineConfig({
  testDir: '.',
  outputDir: path.join(clientRoot, 'test-results/playwright'),
  globalSetup: './globalSetup.ts',
  globalTeardown: './globalTeardown.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: path.join(clientRoot, 'test-results/e2e.json') }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    // The real API on an empty database, serving the SPA just built into client/dist.
    command: [
      'dotnet',
      JSON.stringify(apiDll),
      '--urls',
      baseURL,
      '--Spa:RootPath',
      JSON.stringify(spaDist),
      '--Storage:DataDirectory',
      JSON.stringify(dataDir),
      '--Bootstrap:AdminEmail',
      admin.email,
      '--Bootstrap:AdminPassword',
      JSON.stringify(admin.password),
    ].join(' '),
    cwd: clientRoot,
    url: `${baseURL}/health/ready`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
