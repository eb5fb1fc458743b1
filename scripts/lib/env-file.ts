import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";

/** A fresh bearer token for GET /api/metrics. */
export const newMetricsToken = () => randomBytes(24).toString("base64url");

const EMPTY_TOKEN = /^METRICS_TOKEN=[ \t]*$/m;
const ANY_TOKEN = /^METRICS_TOKEN=/m;

/**
 * `.env` in `root`, created from .env.example on the first run. Its METRICS_TOKEN is filled with a
 * random one then — and in a .env from before the production web server required one, unless the
 * environment already sets it. Returns what was done, for the one line the caller prints.
 */
export function prepareEnvFile(root: string): "created" | "token-added" | "unchanged" {
  const envFile = path.join(root, ".env");
  const created = !fs.existsSync(envFile);
  const text = created ? fs.readFileSync(path.join(root, ".env.example"), "utf8") : fs.readFileSync(envFile, "utf8");
  const tokenless = EMPTY_TOKEN.test(text) || !ANY_TOKEN.test(text);
  if (!created && (!tokenless || process.env.METRICS_TOKEN)) return "unchanged";
  const line = `METRICS_TOKEN=${newMetricsToken()}`;
  const appended = () => `${text.replace(/\n?$/, "\n")}${line}\n`;
  const withToken = !tokenless ? text : EMPTY_TOKEN.test(text) ? text.replace(EMPTY_TOKEN, line) : appended();
  fs.writeFileSync(envFile, withToken, { mode: 0o600 });
  return created ? "created" : "token-added";
}

const NOTICE = {
  created: "Created .env from .env.example (demo values and a random METRICS_TOKEN; replace them for production).",
  "token-added": "Added a random METRICS_TOKEN to .env (GET /api/metrics needs it as bearer token).",
  unchanged: null,
};

/**
 * First run on a fresh machine: create .env so the demo works with no edits, then load it the same
 * way Next.js does (so web, worker and scripts see one configuration).
 */
export function loadProjectEnv(mode: "development" | "production" | "test", root = process.cwd()): void {
  const notice = NOTICE[prepareEnvFile(root)];
  if (notice) console.log(notice);
  nextEnv.loadEnvConfig(root, mode === "development", { info: () => {}, error: console.error }, true);
}
