import { randomBytes } from "node:crypto";
import { sign } from "retell-sdk";
import { summarize, type Summary } from "./stats";

/**
 * A closed-loop load client for POST /api/retell/function: `concurrency` callers each run phone
 * calls one after another; within a call the requests are sequential (as Retell sends them) and
 * every body is signed with retell-sdk, outside the timed part. Latency is request sent →
 * response body read.
 */

export type VoiceRequest = { name: string; args: Record<string, unknown> };
/** `agentId`: set by a script that speaks for one of many salons (bench item 8); else the load's agent. */
export type Caller = { callId: string; fromNumber: string; startedAt: number; agentId?: string };
export type VoiceAnswer = { status: number; json: Record<string, unknown> | null };
/**
 * One phone call: sends its requests one after another (awaiting each answer, as Retell does) and
 * may pause between them. Returns false when the script has run out of work.
 */
export type CallScript = (caller: Caller, send: (request: VoiceRequest) => Promise<VoiceAnswer>) => Promise<boolean>;

export type FunctionStats = {
  requests: number;
  throughputPerSecond: number;
  latency: Summary;
  outcomes: Record<string, number>;
  /** Latency per outcome: a free slot answers faster than a taken one with alternatives. */
  latencyByOutcome: Record<string, Summary>;
};
export type LoadResult = {
  concurrency: number;
  durationMs: number;
  /** Per function name. */
  functions: Record<string, FunctionStats>;
};

export const newRetellCallId = () => `call_${randomBytes(14).toString("hex").slice(0, 27)}`;
let callerSeq = 0;
const callerNumber = () => `+49151${String(1_000_000 + (callerSeq++ % 8_999_999)).padStart(7, "0")}`;

export function envelope(request: VoiceRequest, caller: Caller, agentId: string): string {
  return JSON.stringify({
    name: request.name,
    args: request.args,
    call: {
      call_id: caller.callId,
      agent_id: caller.agentId ?? agentId,
      call_type: "phone_call",
      direction: "inbound",
      call_status: "ongoing",
      from_number: caller.fromNumber,
      to_number: "+4930123456",
      start_timestamp: caller.startedAt,
    },
  });
}

export async function post(
  baseUrl: string,
  body: string,
  apiKey: string,
): Promise<{ ms: number; status: number; json: Record<string, unknown> | null }> {
  const signature = await sign(body, apiKey);
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/retell/function`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-retell-signature": signature },
    body,
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let json: Record<string, unknown> | null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = null;
  }
  return { ms, status: response.status, json };
}

export function outcomeOf(status: number, json: Record<string, unknown> | null): string {
  if (status !== 200 || !json) return `http_${status}`;
  if (json.booked === true) return "booked";
  if (json.available === true) return "available";
  if (typeof json.error === "string") return json.error;
  if (Array.isArray(json.slots)) return json.slots.length > 0 ? "day_listing" : "day_full";
  return json.ok ? "ok" : "not_ok";
}

export function newCaller(): Caller {
  return { callId: newRetellCallId(), fromNumber: callerNumber(), startedAt: Date.now() };
}

/** Runs until `durationMs` has passed (calls in flight finish) or the script has no more work. */
export async function runLoad(options: {
  baseUrl: string;
  apiKey: string;
  agentId: string;
  concurrency: number;
  durationMs: number;
  script: CallScript;
}): Promise<LoadResult> {
  const samples = new Map<
    string,
    { latencies: number[]; outcomes: Record<string, number>; byOutcome: Record<string, number[]> }
  >();
  const started = performance.now();
  const deadline = started + options.durationMs;
  let exhausted = false;
  const worker = async () => {
    while (!exhausted && performance.now() < deadline) {
      const caller = newCaller();
      const send = async (request: VoiceRequest): Promise<VoiceAnswer> => {
        const result = await post(options.baseUrl, envelope(request, caller, options.agentId), options.apiKey).catch(
          () => ({ ms: NaN, status: 0, json: null }),
        );
        const entry = samples.get(request.name) ?? { latencies: [], outcomes: {}, byOutcome: {} };
        samples.set(request.name, entry);
        const outcome = outcomeOf(result.status, result.json);
        entry.outcomes[outcome] = (entry.outcomes[outcome] ?? 0) + 1;
        if (Number.isFinite(result.ms)) {
          entry.latencies.push(result.ms);
          (entry.byOutcome[outcome] ??= []).push(result.ms);
        }
        return result;
      };
      if (!(await options.script(caller, send))) exhausted = true;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const durationMs = performance.now() - started;
  const functions: Record<string, FunctionStats> = {};
  for (const [name, entry] of samples) {
    functions[name] = {
      requests: entry.latencies.length,
      throughputPerSecond: Math.round((entry.latencies.length / durationMs) * 10_000) / 10,
      latency: summarize(entry.latencies),
      outcomes: entry.outcomes,
      latencyByOutcome: Object.fromEntries(
        Object.entries(entry.byOutcome).map(([outcome, list]) => [outcome, summarize(list)]),
      ),
    };
  }
  return { concurrency: options.concurrency, durationMs: Math.round(durationMs), functions };
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
