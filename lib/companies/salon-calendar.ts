import { asc, eq } from "drizzle-orm";
import type { Company, Ctx } from "../context";
import { salonSpecialDays } from "../db";
import { isoWeekday, type LocalDate } from "../time";
import { publicHolidayOn } from "./holidays";

export type Interval = { open: string; close: string };
export type SpecialDay = { id: number; day: LocalDate; hours: Interval[]; reason: string | null };

/** What decides a salon's hours on any date: the company row (week, Bundesland, holidays kept open) and its special days. */
export type SalonCalendar = { company: Company; specialDays: ReadonlyMap<LocalDate, SpecialDay> };

/** Why a date has other hours than its weekday: a special day, or a public holiday the salon keeps closed. */
export type DayException = { kind: "special"; reason: string | null } | { kind: "holiday"; name: string };
export type SalonDay = { hours: Interval[]; exception: DayException | null };

/** A special day wins, then a public holiday of the state (unless the salon opens on it), then the week. */
export function salonDay(calendar: SalonCalendar, date: LocalDate): SalonDay {
  const special = calendar.specialDays.get(date);
  if (special) return { hours: special.hours, exception: { kind: "special", reason: special.reason } };
  const { company } = calendar;
  const holiday = publicHolidayOn(company.state, date);
  if (holiday && !company.openOnHolidays.includes(holiday.rule))
    return { hours: [], exception: { kind: "holiday", name: holiday.name } };
  return { hours: company.openingHours[String(isoWeekday(date))] ?? [], exception: null };
}

const cache = new Map<string, { version: number; days: Promise<ReadonlyMap<LocalDate, SpecialDay>> }>();
const MAX_COMPANIES = 1_000;

async function loadSpecialDays(ctx: Ctx): Promise<ReadonlyMap<LocalDate, SpecialDay>> {
  const rows = await ctx.db
    .select({
      id: salonSpecialDays.id,
      day: salonSpecialDays.day,
      hours: salonSpecialDays.hours,
      reason: salonSpecialDays.reason,
    })
    .from(salonSpecialDays)
    .where(eq(salonSpecialDays.companyId, ctx.company.id))
    .orderBy(asc(salonSpecialDays.day));
  return new Map(rows.map((r) => [r.day, r]));
}

/**
 * The company's calendar. Special days are kept in memory while the company's catalog_version
 * (bumped by a trigger on salon_special_days) is the one the request carries, like the catalog;
 * the company row itself is read fresh on every request, so hours and Bundesland count at once.
 */
export async function salonCalendar(ctx: Ctx): Promise<SalonCalendar> {
  const { id, catalogVersion } = ctx.company;
  let known = cache.get(id);
  if (!known || known.version !== catalogVersion) {
    if (cache.size >= MAX_COMPANIES) cache.clear();
    known = { version: catalogVersion, days: loadSpecialDays(ctx) };
    cache.set(id, known);
    known.days.catch(() => cache.delete(id));
  }
  return { company: ctx.company, specialDays: await known.days };
}

/** After writing special days: this process forgets its copy (the request still carries the old version). */
export function forgetSalonCalendar(companyId: string): void {
  cache.delete(companyId);
}
