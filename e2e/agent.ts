import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { sign } from "retell-sdk";

/** Talks to the running app like Retell does (signed function calls). */
export async function callAgent(
  baseURL: string,
  name: string,
  args: Record<string, unknown>,
  call: { call_id: string; from_number: string },
) {
  const body = JSON.stringify({
    name,
    args,
    call: {
      agent_id: "agent_demo",
      to_number: "+4930123456",
      call_type: "phone_call",
      direction: "inbound",
      call_status: "ongoing",
      start_timestamp: Date.now(),
      ...call,
    },
  });
  const response = await fetch(`${baseURL}/api/retell/function`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-retell-signature": await sign(body, process.env.RETELL_API_KEY!),
    },
    body,
  });
  return (await response.json()) as Record<string, any>;
}

export const newCall = (from: string) => ({
  call_id: `call_${randomBytes(14).toString("hex").slice(0, 27)}`,
  from_number: from,
});

/** Books what the agent offers for the wish (the slot, or its first alternative), as a caller would. */
export async function bookViaAgent(
  baseURL: string,
  wish: { service: string; date: string; time: string; customer_name: string; from: string; staff?: string },
) {
  const call = newCall(wish.from);
  const check = await callAgent(
    baseURL,
    "check_availability",
    { service: wish.service, date: wish.date, time: wish.time, staff: wish.staff },
    call,
  );
  const offer: { start: string; staff_name: string } | undefined = check.slot ?? check.alternatives?.[0];
  if (!offer) throw new Error(`nothing offered: ${JSON.stringify(check)}`);
  const { start, staff_name: staff } = offer;
  const booked = await callAgent(
    baseURL,
    "book_appointment",
    {
      service: wish.service,
      date: start.slice(0, 10),
      time: start.slice(11, 16),
      customer_name: wish.customer_name,
      staff,
    },
    call,
  );
  if (!booked.booked) throw new Error(`not booked: ${JSON.stringify(booked)}`);
  return { appointmentId: booked.appointment_id as number, start, callId: call.call_id };
}

/** Direct database access for test setup (the e2e stack's own throw-away database). */
export function database() {
  return postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
}

export const simUrl = () => process.env.E2E_CALCOM_SIM_URL ?? "http://127.0.0.1:3100";

export async function simControl(path: string, init?: RequestInit) {
  const response = await fetch(`${simUrl()}/__sim${path}`, {
    headers: { "content-type": "application/json" },
    ...init,
  });
  return response.json() as Promise<any>;
}

export async function waitFor<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 250));
  }
}
