import fs from "node:fs";
import path from "node:path";

/** The recorded Cal.com exchanges in tests/fixtures/calcom-recorded (format: its README.md). */

export const RECORDINGS_DIR = path.resolve(import.meta.dirname, "../../../fixtures/calcom-recorded");

export type RecordedRequest = {
  method: string;
  path: string;
  query?: Record<string, string | number>;
  headers: Record<string, string>;
  body?: unknown;
};

export type RecordedResponse = { status: number; headers: Record<string, string>; body: unknown };

export type Exchange = {
  note: string;
  /** Set on the webhook deliveries Cal.com sent to the subscriber (then `request` is that POST). */
  direction?: string;
  request: RecordedRequest;
  response: RecordedResponse;
  latency_ms?: number;
  signature_verified?: boolean;
};

export type Recording = {
  file: string;
  scenario: string;
  setup: string[];
  exchanges: Exchange[];
  observations: string[];
};

export const isDelivery = (e: Exchange) => e.direction?.startsWith("webhook delivery") ?? false;

export function loadRecordings(): Recording[] {
  return fs
    .readdirSync(RECORDINGS_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({ file, ...JSON.parse(fs.readFileSync(path.join(RECORDINGS_DIR, file), "utf8")) }));
}
