import { randomBytes } from "node:crypto";
import { sign } from "retell-sdk";
import { z } from "zod";

/** A scripted Retell call: webhooks, caller lines and function calls, with optional expectations. */
const value: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(value), z.record(z.string(), value)]),
);
const step = z.discriminatedUnion("type", [
  z.object({ type: z.literal("webhook"), caller: z.string().default("main"), event: z.string() }),
  z.object({ type: z.literal("say"), caller: z.string().default("main"), text: z.string() }),
  z.object({ type: z.literal("wait"), ms: z.number().int().nonnegative() }),
  z.object({
    type: z.literal("function"),
    caller: z.string().default("main"),
    id: z.string().optional(),
    name: z.string(),
    /** `{"date": {"$slot": "<step id>"}}` fills date and time from that step's offered slot (or first alternative). */
    args: z.record(z.string(), value).default({}),
    expect: z.record(z.string(), value).optional(),
  }),
]);
export const scenarioSchema = z.object({
  title: z.string(),
  agent_id: z.string(),
  to_number: z.string().default("+4930123456"),
  callers: z.record(z.string(), z.object({ from_number: z.string() })),
  /** Reference start of the calls; default now. */
  start: z.string().datetime({ offset: true }).optional(),
  steps: z.array(step),
});
export type Scenario = z.infer<typeof scenarioSchema>;

type Json = Record<string, any>;
export type ReplayResult = { steps: number; failures: string[] };

const pick = (obj: unknown, path: string): unknown =>
  path.split(".").reduce<any>((o, k) => (o == null ? undefined : o[k]), obj);

function matches(actual: unknown, expected: unknown): boolean {
  if (expected && typeof expected === "object" && !Array.isArray(expected)) {
    return Object.entries(expected).every(([k, v]) => matches((actual as Json | undefined)?.[k], v));
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}

export async function replay(
  scenario: Scenario,
  options: { baseUrl: string; apiKey: string; log?: (line: string) => void },
): Promise<ReplayResult> {
  const log = options.log ?? console.log;
  const startMs = scenario.start ? Date.parse(scenario.start) : Date.now();
  const callers = Object.fromEntries(
    Object.entries(scenario.callers).map(([name, c]) => [
      name,
      {
        ...c,
        call_id: `call_${randomBytes(14).toString("hex").slice(0, 27)}`,
        turns: [] as { role: string; content: string }[],
      },
    ]),
  );
  const results = new Map<string, Json>();
  const failures: string[] = [];

  const callObject = (name: string, status: string) => {
    const c = callers[name];
    if (!c) throw new Error(`Unknown caller "${name}" in scenario`);
    const transcript = c.turns.map((t) => `${t.role === "agent" ? "Agent" : "User"}: ${t.content}`).join("\n");
    return {
      call_id: c.call_id,
      agent_id: scenario.agent_id,
      call_type: "phone_call",
      direction: "inbound",
      from_number: c.from_number,
      to_number: scenario.to_number,
      call_status: status,
      start_timestamp: startMs,
      ...(status === "ended"
        ? {
            end_timestamp: startMs + 90_000,
            duration_ms: 90_000,
            disconnection_reason: "agent_hangup",
            transcript,
            transcript_object: c.turns,
          }
        : {}),
    };
  };
  const post = async (path: string, body: unknown) => {
    const text = JSON.stringify(body);
    const started = performance.now();
    const response = await fetch(new URL(path, options.baseUrl), {
      method: "POST",
      headers: { "content-type": "application/json", "x-retell-signature": await sign(text, options.apiKey) },
      body: text,
    });
    const raw = await response.text();
    return {
      status: response.status,
      json: raw ? (JSON.parse(raw) as Json) : null,
      ms: Math.round(performance.now() - started),
    };
  };
  const resolveArgs = (args: Json): Json => {
    const out: Json = {};
    for (const [key, v] of Object.entries(args)) {
      if (v && typeof v === "object" && "$slot" in v) {
        const source = results.get(String(v.$slot));
        const start = String(
          pick(source, "slot.start") ?? pick(source, "alternatives.0.start") ?? pick(source, "start") ?? "",
        );
        // {"date": {"$slot": "check"}} → date and time; {"new_date": …} → new_date and new_time.
        out[key] = start.slice(0, 10);
        out[key.replace(/date$/, "time")] = start.slice(11, 16);
      } else if (v && typeof v === "object" && "$staff" in v) {
        out[key] = pick(results.get(String(v.$staff)), "slot.staff_name");
      } else if (v && typeof v === "object" && "$appointment" in v) {
        out[key] = pick(results.get(String(v.$appointment)), "appointment_id");
      } else out[key] = v;
    }
    return out;
  };

  log(`▶ ${scenario.title}`);
  for (const s of scenario.steps) {
    if (s.type === "wait") {
      log(`  … ${s.ms / 1000} s Pause`);
      await new Promise((r) => setTimeout(r, s.ms));
    } else if (s.type === "say") {
      callers[s.caller]!.turns.push({ role: "user", content: s.text });
      log(`  [${s.caller}] Anrufer: „${s.text}“`);
    } else if (s.type === "webhook") {
      const status = s.event === "call_started" ? "ongoing" : "ended";
      const call = callObject(s.caller, status);
      const body =
        s.event === "call_analyzed"
          ? {
              event: s.event,
              call: {
                ...call,
                call_analysis: {
                  call_summary: `Replay: ${scenario.title}`,
                  user_sentiment: "Positive",
                  call_successful: true,
                },
              },
            }
          : { event: s.event, call };
      const r = await post("/api/retell/webhook", body);
      log(`  [${s.caller}] webhook ${s.event} → ${r.status} (${r.ms} ms)`);
      if (r.status !== 204) failures.push(`webhook ${s.event}: HTTP ${r.status}`);
    } else {
      const args = resolveArgs(s.args);
      const r = await post("/api/retell/function", {
        name: s.name,
        args: { ...args, call_id: "call_1" },
        call: callObject(s.caller, "ongoing"),
      });
      if (s.id && r.json) results.set(s.id, r.json);
      const message = String(r.json?.message ?? "");
      callers[s.caller]!.turns.push({ role: "agent", content: message });
      const summary = r.json ? `ok=${r.json.ok}${r.json.error ? ` error=${r.json.error}` : ""}` : "";
      log(`  [${s.caller}] ${s.name} ${JSON.stringify(args)} → ${r.status} ${summary} (${r.ms} ms)`);
      log(`      Agent: „${message}“`);
      if (s.expect && !(r.status === 200 && matches(r.json, s.expect)))
        failures.push(
          `${s.id ?? s.name}: expected ${JSON.stringify(s.expect)}, got HTTP ${r.status} ${JSON.stringify(r.json)}`,
        );
    }
  }
  log(
    failures.length
      ? `✗ ${failures.length} Erwartung(en) verfehlt:\n  - ${failures.join("\n  - ")}`
      : `✓ ${scenario.steps.length} Schritte, alle Erwartungen erfüllt`,
  );
  return { steps: scenario.steps.length, failures };
}
