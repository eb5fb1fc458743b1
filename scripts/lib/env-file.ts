import fs from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";

/**
 * First run on a fresh machine: copy .env.example to .env so the demo works with no edits,
 * then load it the same way Next.js does (so web, worker and scripts see one configuration).
 */
export function loadProjectEnv(mode: "development" | "production" | "test"): void {
  const root = process.cwd();
  const envFile = path.join(root, ".env");
  if (!fs.existsSync(envFile)) {
    fs.copyFileSync(path.join(root, ".env.example"), envFile);
    console.log("Created .env from .env.example (demo values; replace them for production).");
  }
  nextEnv.loadEnvConfig(root, mode === "development", { info: () => {}, error: console.error }, true);
}
