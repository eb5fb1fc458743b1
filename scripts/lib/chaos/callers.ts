import { sign } from "retell-sdk";
import { type Caller, envelope, newRetellCallId } from "../../../bench/lib/voice-client";

/**
 * Simulated phone calls for `npm run test:chaos`: signed function calls as Retell sends them, each
 * awaited with the agent's timeout. A caller asks for a day, takes a free time, lets the agent hold
 * it and books; when the agent hears `internal` it waits a moment and tries again, as a caller
 * asked to do so would.
 */

/** The agent's `timeout_ms` for every function (lib/voice/agent/agent-config.ts). */
export const FUNCTION_TIMEOUT_MS = 10_000;
export const TECHNICAL_PROBLEM = "technisches Problem";

export type Answer = {
  name: string;
  sentAt: number;
  ms: number;
  status: number;
  body: Record<string, unknown> | null;
  /** Network error or timeout: the agent would have heard nothing. */
  transportError?: string;
};

export type Phone = { agentId: string; apiKey: string; baseUrl: string; answers: Answer[] };

export async function ask(phone: Phone, caller: Caller, name: string, args: Record<string, unknown>): Promise<Answer> {
  const body = envelope({ name, args }, caller, phone.agentId);
  const signature = await sign(body, phone.apiKey);
  const sentAt = Date.now();
  let answer: Answer;
  try {
    const response = await fetch(`${phone.baseUrl}/api/retell/function`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-retell-signature": signature },
      body,
      signal: AbortSignal.timeout(FUNCTION_TIMEOUT_MS),
    });
    const text = await response.text();
    let json: Record<string, unknown> | null = null;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = null;
    }
    answer = { name, sentAt, ms: Date.now() - sentAt, status: response.status, body: json };
  } catch (error) {
    const reason = error instanceof Error ? error.name : String(error);
    answer = { name, sentAt, ms: Date.now() - sentAt, status: 0, body: null, transportError: reason };
  }
  phone.answers.push(answer);
  return answer;
}

/** What the agent may hear: a domain answer, or `internal` with the technical-problem sentence. */
export function violation(answer: Answer): string | null {
  if (answer.transportError)
    return `${answer.name}: no answer within ${FUNCTION_TIMEOUT_MS} ms (${answer.transportError})`;
  if (answer.status !== 200) return `${answer.name}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`;
  const body = answer.body;
  if (!body || typeof body.ok !== "boolean" || typeof body.message !== "string" || body.message === "")
    return `${answer.name}: not an agent answer ${JSON.stringify(body)}`;
  if (body.error === "internal" && !body.message.includes(TECHNICAL_PROBLEM))
    return `${answer.name}: internal without the technical-problem sentence: ${body.message}`;
  return null;
}

export const isInternal = (a: Answer) => a.body?.error === "internal";
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type CallOutcome = { booked: { appointmentId: number; callId: string } | null; requests: number };

/**
 * One phone call that wants `service` on one of `days` (ISO dates), within `budgetMs`. Returns the
 * appointment the agent confirmed with booked:true, if any.
 */
export async function phoneCall(
  phone: Phone,
  options: { index: number; fromNumber: string; service: string; days: string[]; budgetMs: number; talkMs: number },
): Promise<CallOutcome> {
  const caller: Caller = { callId: newRetellCallId(), fromNumber: options.fromNumber, startedAt: Date.now() };
  const deadline = Date.now() + options.budgetMs;
  const talk = () => pause(options.talkMs / 2 + Math.random() * options.talkMs);
  let requests = 0;
  const send = async (name: string, args: Record<string, unknown>) => {
    requests++;
    return ask(phone, caller, name, args);
  };
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    const date = options.days[(options.index + attempt) % options.days.length]!;
    const day = await send("check_availability", { service: options.service, date });
    if (isInternal(day)) {
      await pause(1_000);
      continue;
    }
    const slots = (day.body?.slots as { start: string; staff_name: string }[] | undefined) ?? [];
    if (slots.length === 0) continue;
    const slot = slots[(options.index * 7 + attempt * 3) % slots.length]!;
    const wish = { service: options.service, date, time: slot.start.slice(11, 16), staff: slot.staff_name };
    await talk();
    const held = await send("check_availability", wish);
    if (isInternal(held)) {
      await pause(1_000);
      continue;
    }
    if (held.body?.available !== true) continue;
    await talk();
    const booking = { ...wish, customer_name: `Chaos Anrufer ${options.index + 1}` };
    // A booking that met the technical problem is asked for again, unchanged: the same call and
    // start may never make a second appointment (contract: book_appointment is idempotent).
    for (;;) {
      const booked = await send("book_appointment", booking);
      if (booked.body?.booked === true)
        return { booked: { appointmentId: Number(booked.body.appointment_id), callId: caller.callId }, requests };
      if (!isInternal(booked) || Date.now() >= deadline) break;
      await pause(1_000);
    }
  }
  return { booked: null, requests };
}
