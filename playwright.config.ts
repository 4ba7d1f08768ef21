/**
 * Run through `npm run test:e2e` (scripts/e2e.ts), which provides a throwaway database, AUTH_SECRET, the port and
 * the Chromium executable in the environment.
 */
import { defineConfig, devices } from "@playwright/test";

const port = Number.parseInt(process.env.E2E_PORT ?? "3100", 10);
const baseURL = `http://localhost:${port}`;
const secondPort = Number.parseInt(process.env.E2E_SECOND_PORT ?? String(port + 1), 10);
/** Another `next start` on the same database: e2e/live reads and writes through both. */
const secondURL = `http://localhost:${secondPort}`;

const SERVER = {
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: "ignore",
  stderr: "pipe",
  gracefulShutdown: { signal: "SIGINT", timeout: 5_000 },
} as const;

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || undefined,
    args: [
      "--no-sandbox",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", use: chromium, testIgnore: /[\\/]e2e[\\/]faults[\\/]/ },
    // Stops the shared PostgreSQL for a few seconds: it runs after every other spec has finished, alone.
    { name: "db-outage", use: chromium, testMatch: /[\\/]e2e[\\/]faults[\\/].*\.spec\.ts$/, dependencies: ["chromium"] },
  ],
  webServer: [
    {
      command: `node node_modules/next/dist/bin/next start -p ${port}`,
      url: `${baseURL}/login`,
      ...SERVER,
    },
    // The second instance (scripts/e2e.ts): its own URL for sign-in links; the first one runs the scheduler.
    {
      command: `node node_modules/next/dist/bin/next start -p ${secondPort}`,
      url: `${secondURL}/login`,
      env: { NEXTAUTH_URL: secondURL, SITE_URL: secondURL, DISABLE_SCHEDULER: "1" },
      ...SERVER,
    },
  ],
});
