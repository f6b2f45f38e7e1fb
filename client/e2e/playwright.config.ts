import { defineConfig } from '@playwright/test';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { resolve } from 'node:path';

// Own ports, so the suite never talks to a dev server someone left running; E2E_API_PORT and
// E2E_WEB_PORT move them, so two checkouts can run the suite side by side.
const API_PORT = Number(process.env['E2E_API_PORT'] ?? 5100);
const WEB_PORT = Number(process.env['E2E_WEB_PORT'] ?? 3100);
export const API_URL = `http://localhost:${API_PORT}`;
export const WEB_URL = `http://localhost:${WEB_PORT}`;
// Short-lived access tokens: the journey crosses several expiries, so silent refresh is exercised.
export const JWT_TTL_SECONDS = 8;
// Short-lived stream links: the player must renew them while playing (it renews a minute ahead, at
// most every 5 s), so a long enough playback crosses several renewals.
export const STREAM_TOKEN_TTL_SECONDS = 20;

const CHROMIUM = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';

// A fresh embedded database per run, made once by the runner: its workers load this file again
// and inherit the variable, so they agree on the folder instead of making their own.
const E2E_ROOT = resolve(__dirname, '../../dist/e2e');
mkdirSync(E2E_ROOT, { recursive: true });
const DATA_DIR = (process.env['E2E_DATA_DIR'] ??= mkdtempSync(resolve(E2E_ROOT, 'data-')));

export default defineConfig({
  testDir: '.',
  outputDir: '../../dist/e2e/results',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { outputFolder: '../../dist/e2e/report', open: 'never' }]],
  use: {
    baseURL: WEB_URL,
    viewport: { width: 1366, height: 820 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
    },
  },
  webServer: [
    {
      command: 'node dist/server/main.js',
      cwd: '../..',
      url: `${API_URL}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(API_PORT),
        CORS_ORIGINS: WEB_URL,
        PUBLIC_URL: API_URL,
        JWT_TTL_SECONDS: String(JWT_TTL_SECONDS),
        STREAM_TOKEN_TTL_SECONDS: String(STREAM_TOKEN_TTL_SECONDS),
        BCRYPT_ROUNDS: '4',
        // Every test viewer signs up from this machine.
        SIGNUP_MAX_PER_ADDRESS: '1000000',
        DATA_DIR,
        LOG_REQUESTS: 'false',
      },
    },
    {
      command: 'node tools/web/serve-web.mjs',
      cwd: '../..',
      url: `${WEB_URL}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { WEB_PORT: String(WEB_PORT), API_URL },
    },
  ],
});
