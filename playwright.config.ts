import nextEnv from "@next/env";
import { defineConfig } from "@playwright/test";

// The specs sign Retell requests with RETELL_API_KEY like the app verifies them: same .env.
nextEnv.loadEnvConfig(process.cwd());

/**
 * e2e against a running SlotDesk. `npm test` starts a throw-away stack and sets E2E_BASE_URL;
 * by hand, start `npm run dev` and run `npm run test:e2e`. Debian's Chromium, never a download.
 */
export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e-artifacts/results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "e2e-artifacts/results.json" }]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://localhost:3000",
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
