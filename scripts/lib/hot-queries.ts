import { eq } from "drizzle-orm";
import type postgres from "postgres";
import { sign } from "retell-sdk";
import { POST as voiceFunction } from "@/app/api/retell/function/route";
import {
  appointmentListQuery,
  getAppointmentDetail,
  getAppointmentHistory,
  listAppointments,
} from "@/lib/appointments";
import type { Ctx } from "@/lib/context";
import { getSyncMonitor } from "@/lib/calcom/sync";
import { calendarParams, getCalendar } from "@/lib/calendar";
import { callListQuery, getCallDetail, listCalls } from "@/lib/calls";
import { customerListQuery, getCustomer, listCustomers } from "@/lib/customers";
import { getOverview } from "@/lib/dashboard";
import { closeDb, companies, getDb, observeQueries } from "@/lib/db";
import { metricsRegistry } from "@/lib/metrics";
import { addDays, isoWeekday, localDate } from "@/lib/time";

/**
 * The query-plan check of the hot paths (scale issue, item 4): runs what a phone call and an admin
 * do for one salon — every voice function, the lists, the calendar week, the Sync-Monitor, the
 * overview, a customer, an appointment, a call and the metrics scrape — records every statement the
 * service layer sends with its parameters, and asks PostgreSQL for the plan of each.
 */

export type HotQuery = { path: string; text: string; parameters: unknown[] };
export type QueryPlan = HotQuery & {
  /** Tables the plan reads whole (Seq Scan nodes), watched or not. */
  seqScans: string[];
  plan: string;
};

/** Tables that grow with every salon's business: none of them may be read whole on a hot path. */
export const TENANT_GROWTH_TABLES = ["appointments", "appointment_phases", "calls", "staff_busy_intervals"];

const EXPLAINABLE = /^\s*(with|select|insert|update|delete)\b/i;

async function voiceCall(path: string, name: string, args: Record<string, unknown>, call: Record<string, unknown>) {
  const body = JSON.stringify({ name, args, call });
  const request = new Request("http://localhost/api/retell/function", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-retell-signature": await sign(body, process.env.RETELL_API_KEY!),
    },
    body,
  });
  const response = await voiceFunction(request);
  const json = (await response.json()) as Record<string, unknown>;
  if (response.status !== 200) throw new Error(`${path}: ${name} answered HTTP ${response.status}`);
  return json;
}

/**
 * Records the statements of the hot paths for salon `companyId`, as of `now` (the voice calls carry it
 * as their start). `callerPhone`: a customer of that salon with appointments, for the caller's own list.
 */
export async function recordHotQueries(options: {
  companyId: string;
  now: Date;
  callerPhone: string;
}): Promise<HotQuery[]> {
  const recorded: HotQuery[] = [];
  let path = "";
  await closeDb();
  observeQueries((text, parameters) => recorded.push({ path, text, parameters: [...parameters] }));
  try {
    const [company] = await getDb().select().from(companies).where(eq(companies.id, options.companyId));
    if (!company) throw new Error(`no salon ${options.companyId}`);
    const ctx: Ctx = {
      db: getDb(),
      company,
      actor: {
        type: "user",
        userId: "plan-check",
        email: "plan@check",
        name: "Plan",
      },
    };
    const today = localDate(options.now, company.timeZone);
    let day = addDays(today, 3);
    while (isoWeekday(day) === 7) day = addDays(day, 1);

    const call = {
      call_id: `call_plan_check_${options.now.getTime()}`,
      agent_id: company.retellAgentId,
      call_type: "phone_call",
      direction: "inbound",
      call_status: "ongoing",
      from_number: options.callerPhone,
      to_number: "+4930123456",
      start_timestamp: options.now.getTime(),
    };
    path = "voice";
    await voiceCall(path, "get_current_time", {}, call);
    await voiceCall(path, "list_services", {}, call);
    await voiceCall(path, "check_availability", { service: "Herrenhaarschnitt", date: day }, call);
    const offer = await voiceCall(
      path,
      "check_availability",
      { service: "Dauerwelle", date: day, time: "13:00" },
      call,
    );
    const slot = (offer.slot ?? (offer.alternatives as { start: string }[] | undefined)?.[0]) as
      { start: string } | undefined;
    const booked = await voiceCall(
      path,
      "book_appointment",
      {
        service: "Dauerwelle",
        date: slot?.start.slice(0, 10) ?? day,
        time: slot?.start.slice(11, 16) ?? "13:00",
        customer_name: "Kunde 1",
      },
      call,
    );
    await voiceCall(path, "get_customer_appointments", {}, call);
    if (booked.booked === true) {
      const id = booked.appointment_id;
      await voiceCall(path, "reschedule_appointment", { appointment_id: id, new_date: day, new_time: "17:00" }, call);
      await voiceCall(path, "cancel_appointment", { appointment_id: id }, call);
    }

    path = "admin";
    const calls = await listCalls({ ctx, input: callListQuery.parse({}) });
    await listCalls({ ctx, input: callListQuery.parse({ q: "Kunde 12", sort: "customer", dir: "asc" }) });
    await listCalls({ ctx, input: callListQuery.parse({ outcome: "booked", sync: "failed" }) });
    const list = await listAppointments({ ctx, input: appointmentListQuery.parse({}), today });
    await listAppointments({ ctx, input: appointmentListQuery.parse({ q: "Kunde 12", sort: "customer" }), today });
    await listAppointments({ ctx, input: appointmentListQuery.parse({ review: "1" }), today });
    await getCalendar({ ctx, input: calendarParams({ ansicht: "woche", datum: day }, today).input });
    await getCalendar({ ctx, input: calendarParams({ ansicht: "tag", datum: day }, today).input });
    await getSyncMonitor({ ctx, now: options.now });
    await getOverview({ ctx, now: options.now });
    const customers = await listCustomers({ ctx, input: customerListQuery.parse({}) });
    await listCustomers({ ctx, input: customerListQuery.parse({ q: "Kunde 12" }) });
    if (customers.rows[0]) await getCustomer({ ctx, input: { id: customers.rows[0].id } });
    const appointment = list.rows[0];
    if (appointment) {
      await getAppointmentDetail({ ctx, input: { id: appointment.id } });
      await getAppointmentHistory({ ctx, input: { appointmentId: appointment.id } });
    }
    if (calls.rows[0]) await getCallDetail({ ctx, input: { id: calls.rows[0].id } });

    path = "metrics";
    await metricsRegistry().metrics();
  } finally {
    observeQueries(null);
    await closeDb();
  }
  return recorded;
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };

function seqScansOf(node: PlanNode, found: string[] = []): string[] {
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) found.push(node["Relation Name"]);
  for (const child of node.Plans ?? []) seqScansOf(child, found);
  return found;
}

/** EXPLAIN (no ANALYZE: nothing runs) of every distinct statement, with the parameters it was sent with. */
export async function explainHotQueries(sql: postgres.Sql, queries: HotQuery[]): Promise<QueryPlan[]> {
  const seen = new Set<string>();
  const plans: QueryPlan[] = [];
  for (const query of queries) {
    if (!EXPLAINABLE.test(query.text) || seen.has(query.text)) continue;
    seen.add(query.text);
    const [row] = await sql.unsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(
      `explain (format json) ${query.text}`,
      query.parameters as postgres.ParameterOrJSON<never>[],
    );
    const lines = await sql.unsafe<{ "QUERY PLAN": string }[]>(
      `explain ${query.text}`,
      query.parameters as postgres.ParameterOrJSON<never>[],
    );
    plans.push({
      ...query,
      seqScans: seqScansOf(row!["QUERY PLAN"][0].Plan),
      plan: lines.map((line) => line["QUERY PLAN"]).join("\n"),
    });
  }
  return plans;
}
