import { and, asc, eq, gte, lt, type SQL } from "drizzle-orm";
import { sameName, toE164 } from "../../customers";
import { appointments, customers, services, staff } from "../../db";
import { addDays, isoWithOffset, type LocalDate, zonedInstant } from "../../time";
import { whenPhrase } from "../say";
import { fail, type VoiceCtx, type VoiceResult } from "../types";

export type CallerAppointment = {
  id: number;
  start: Date;
  end: Date;
  status: "confirmed" | "cancelled" | "completed" | "no_show";
  serviceId: number;
  serviceName: string;
  staffName: string;
  customerName: string;
};

export type Window = { from?: Date; to?: Date };

/** The number the call comes from in E.164; null when it is withheld ("anonymous") or missing. */
export const callerPhone = (ctx: VoiceCtx): string | null => toE164(ctx.call.fromNumber);

function query(ctx: VoiceCtx, where: (SQL | undefined)[]) {
  return ctx.db
    .select({
      id: appointments.id,
      start: appointments.startsAt,
      end: appointments.endsAt,
      status: appointments.status,
      serviceId: appointments.serviceId,
      serviceName: services.name,
      staffName: staff.name,
      customerName: customers.name,
    })
    .from(appointments)
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.staffId))
    .where(and(eq(appointments.companyId, ctx.company.id), ...where));
}

/** One appointment by id, but only if it is booked under this number (any customer of a household). */
export async function appointmentOfPhone(ctx: VoiceCtx, id: number, phone: string): Promise<CallerAppointment | null> {
  const [row] = await query(ctx, [eq(appointments.id, id), eq(customers.phone, phone)]);
  return row ?? null;
}

function upcoming(ctx: VoiceCtx, who: SQL | undefined, window: Window): Promise<CallerAppointment[]> {
  const from = window.from && window.from > ctx.now ? window.from : ctx.now;
  return query(ctx, [
    who,
    eq(appointments.status, "confirmed"),
    gte(appointments.startsAt, from),
    window.to && lt(appointments.startsAt, window.to),
  ]).orderBy(asc(appointments.startsAt), asc(appointments.id));
}

/** Upcoming confirmed appointments booked under this number — every customer who shares it. */
export const upcomingForPhone = (ctx: VoiceCtx, phone: string, window: Window = {}) =>
  upcoming(ctx, eq(customers.phone, phone), window);

/** Upcoming confirmed appointments of one day under the name the caller gives ("Müller" finds "Anna Müller"). */
export async function upcomingForName(ctx: VoiceCtx, name: string, day: LocalDate): Promise<CallerAppointment[]> {
  return (await upcoming(ctx, undefined, dayWindow(ctx, day))).filter((a) => sameName(a.customerName, name));
}

export const dayWindow = (ctx: VoiceCtx, day: LocalDate): Window => ({
  from: zonedInstant(day, 0, ctx.company.timeZone),
  to: zonedInstant(addDays(day, 1), 0, ctx.company.timeZone),
});

/** Keeps the appointments that fit a hint (a time, a name) — unless none does: a hint only narrows. */
export function narrow<T>(items: T[], fits: ((item: T) => boolean) | null): T[] {
  if (!fits) return items;
  const kept = items.filter(fits);
  return kept.length ? kept : items;
}

export const startsAt = (start: Date | null | undefined) =>
  start ? (a: CallerAppointment) => a.start.getTime() === start.getTime() : null;

export const appointmentJson = (ctx: VoiceCtx, a: CallerAppointment) => ({
  appointment_id: a.id,
  service: a.serviceName,
  start: isoWithOffset(a.start, ctx.company.timeZone),
  end: isoWithOffset(a.end, ctx.company.timeZone),
  staff_name: a.staffName,
  status: a.status,
});

// Sentences about the caller's appointments; kept here until they move to the shared speech module.

export const ASK_NAME_AND_DAY =
  "Damit ich den richtigen Termin finde: Auf welchen Namen und für welchen Tag war er gebucht?";

export const PRIVACY_REFUSAL =
  "Aus Datenschutzgründen kann ich Termine nur für die Nummer nennen, von der Sie anrufen.";

/** What a withheld caller is asked when the name or the day is still missing. */
export function askNameAndDay(name: string | undefined, date: string | undefined): VoiceResult {
  if (name) return fail("missing_field", "Für welchen Tag war der Termin gebucht?", { field: "date" });
  if (date) return fail("missing_field", "Auf welchen Namen war der Termin gebucht?", { field: "customer_name" });
  return fail("missing_field", ASK_NAME_AND_DAY, { field: "customer_name" });
}

const COUNT_WORDS = ["keinen", "einen", "zwei", "drei", "vier", "fünf"];

/** "am Freitag, den 28. November, um 10 Uhr", "heute um 10 Uhr", "morgen, am Mittwoch, …" */
export const atSpoken = (ctx: VoiceCtx, start: Date): string => whenPhrase(start, ctx.company.timeZone, ctx.now);

/** "Dauerwelle am Freitag, den 28. November, um 10 Uhr bei Anna Berg" */
export const appointmentSpoken = (ctx: VoiceCtx, a: CallerAppointment) =>
  `${a.serviceName} ${atSpoken(ctx, a.start)} bei ${a.staffName}`;

/** Items that contain commas themselves, so they are separated by semicolons: "A; B und C". */
export function listSpoken(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join("; ")} und ${items[items.length - 1]}`;
}

/** "2 anstehende Termine: A und B" — or, saying honestly that not all are named, "10 anstehende Termine, die nächsten
 * fünf sind: …". */
export function countedList(ctx: VoiceCtx, found: CallerAppointment[], max: 4 | 5): string {
  const said = listSpoken(found.slice(0, max).map((a) => appointmentSpoken(ctx, a)));
  if (found.length === 1) return `einen anstehenden Termin: ${said}`;
  const counted = `${found.length} anstehende Termine`;
  return found.length > max ? `${counted}, die nächsten ${COUNT_WORDS[max]} sind: ${said}` : `${counted}: ${said}`;
}
