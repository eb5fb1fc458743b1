import { z } from "zod";
import { minutesOfDay, type SalonCalendar, salonCalendar, salonDay } from "../companies";
import type { Company, Ctx } from "../context";
import { AppError, parseInput } from "../errors";
import {
  addDays,
  daysBetween,
  localDate,
  localDayClockMs,
  minutesIntoLocalDay,
  zonedInstant,
  type LocalDate,
  notBefore,
} from "../time";
import { absentWindows, subtractWindows, workingWindows } from "./absence-windows";
import { type BusyInterval, loadBusy } from "./busy";
import { type LoadedService, type QualifiedStaff, serviceBasis } from "../catalog";
import { blockingIntervals, type PlannedPhase, planPhases, type ServiceDefinition, totalMinutes } from "./phases";

export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Datum im Format JJJJ-MM-TT");

export const availabilityInput = z.object({
  serviceId: z.number().int().positive(),
  from: localDateSchema,
  to: localDateSchema.optional(),
  staffId: z.string().uuid().optional(),
  /** Several records of one person (a stylist named by the caller): any of them. */
  staffIds: z.array(z.string().uuid()).optional(),
  /** The asking call: its own holds do not block it. */
  callId: z.number().int().positive().optional(),
  /** Rescheduling: the appointment's own time does not block it. */
  ignoreAppointmentId: z.number().int().positive().optional(),
  /**
   * Only this start, on or off the slot grid: an appointment's own time (imported or from Cal.com at
   * 16:25) stays bookable for it when it is given to another stylist in place.
   */
  exactStart: z.date().optional(),
  now: z.date().optional(),
});

/**
 * A bookable (start, staff member) pair. Its end and phases are worked out on first use: a day's
 * scan produces hundreds of candidates, and only the few offered or booked need them.
 */
export class Candidate {
  private planned: PlannedPhase[] | undefined;
  constructor(
    readonly start: Date,
    readonly staffId: string,
    readonly staffName: string,
    /** The salon-local date and minute of `start`, kept so hot loops never format dates. */
    readonly date: LocalDate,
    readonly minute: number,
    private readonly service: ServiceDefinition,
  ) {}

  get phases(): PlannedPhase[] {
    return (this.planned ??= planPhases(this.service, this.start));
  }

  get end(): Date {
    const phases = this.phases;
    return phases[phases.length - 1]!.end;
  }
}

export type Availability = {
  service: LoadedService;
  staff: QualifiedStaff[];
  /** Every bookable (start, staff member) pair, by start. */
  candidates: Candidate[];
  /** One entry per bookable start: the least booked staff member that day. */
  slots: Candidate[];
  /** Booked minutes per staff member per local date, for load spreading. */
  load: Map<string, number>;
  /** The salon's hours on any date (special days, holidays, week), as the candidates used them. */
  calendar: SalonCalendar;
};

type WindowMinutes = { from: number; to: number };

function intersect(a: WindowMinutes[], b: WindowMinutes[]): WindowMinutes[] {
  const out: WindowMinutes[] = [];
  for (const x of a)
    for (const y of b) {
      const from = Math.max(x.from, y.from);
      const to = Math.min(x.to, y.to);
      if (to > from) out.push({ from, to });
    }
  return out;
}

/** The salon's open windows on a date: a special day, else a public holiday of its state, else its week. */
export function companyWindows(calendar: SalonCalendar, date: LocalDate): WindowMinutes[] {
  return salonDay(calendar, date).hours.map((i) => ({
    from: minutesOfDay(i.open),
    to: minutesOfDay(i.close),
  }));
}

/** Working hours of that local date (several ranges, breaks between them) minus the stylist's absences. */
export function staffWindows(member: QualifiedStaff, date: LocalDate): WindowMinutes[] {
  return subtractWindows(workingWindows(member, date), absentWindows(member, date));
}

const loadKey = (staffId: string, date: LocalDate) => `${staffId}|${date}`;
const collator = new Intl.Collator("de");
const MINUTE_MS = 60_000;

/** Offsets (ms from the start) of what an appointment of this service blocks for its stylist. */
function blockOffsets(service: LoadedService, allowGapBooking: boolean): { from: number; to: number }[] {
  const probe = planPhases(service, new Date(0));
  return blockingIntervals(probe, allowGapBooking).map((b) => ({ from: b.start.getTime(), to: b.end.getTime() }));
}

/**
 * Pure core: bookable (start, staff) pairs for the given days, busy intervals and rules. Works on
 * epoch milliseconds; only free starts become Candidate objects.
 */
export function computeCandidates(params: {
  company: Company;
  calendar: SalonCalendar;
  service: LoadedService;
  staff: QualifiedStaff[];
  dates: LocalDate[];
  busy: BusyInterval[];
  now: Date;
  exactStart?: Date;
}): Candidate[] {
  const { company, service, staff, dates, busy } = params;
  const tz = company.timeZone;
  const grid = company.slotGridMinutes;
  const now = params.now.getTime();
  const horizon = horizonEnd(company, params.now).getTime();
  const blocks = blockOffsets(service, company.allowGapBooking);
  const span = totalMinutes(planPhases(service, new Date(0))) * MINUTE_MS;
  const busyByStaff = new Map<string, { from: number; to: number }[]>();
  for (const b of busy) {
    const list = busyByStaff.get(b.staffId) ?? [];
    list.push({ from: b.start.getTime(), to: b.end.getTime() });
    busyByStaff.set(b.staffId, list);
  }
  const candidates: Candidate[] = [];
  // A person's busy time counts for every record of them (duplicates of one stylist).
  const takenBy = (member: QualifiedStaff) =>
    (member.personIds ?? [member.id]).flatMap((id) => busyByStaff.get(id) ?? []);
  const exactDate = params.exactStart ? localDate(params.exactStart, tz) : null;
  const exactMinute = params.exactStart ? minutesIntoLocalDay(params.exactStart, tz) : 0;
  for (const date of dates) {
    if (exactDate !== null && date !== exactDate) continue;
    const open = companyWindows(params.calendar, date);
    if (open.length === 0) continue;
    const clock = localDayClockMs(date, tz);
    for (const member of staff) {
      const taken = takenBy(member);
      for (const window of intersect(open, staffWindows(member, date))) {
        const windowEnd = zonedInstant(date, window.to, tz).getTime();
        const first = exactDate !== null ? exactMinute : Math.ceil(window.from / grid) * grid;
        if (first < window.from) continue;
        for (let minute = first; minute < window.to; minute += exactDate !== null ? window.to : grid) {
          const start = clock(minute);
          if (start === null) continue;
          if (start + span > windowEnd) break;
          if (start < now) continue;
          if (start > horizon) break;
          if (blocks.some((block) => taken.some((t) => start + block.from < t.to && t.from < start + block.to)))
            continue;
          candidates.push(new Candidate(new Date(start), member.id, member.name, date, minute, service));
        }
      }
    }
  }
  return candidates.sort((a, b) => a.start.getTime() - b.start.getTime() || collator.compare(a.staffName, b.staffName));
}

/** The last instant a caller may book: the company's booking horizon after `now`. */
export const horizonEnd = (company: Company, now: Date): Date =>
  new Date(now.getTime() + company.bookingHorizonDays * 24 * 60 * 60_000);

/** Booked appointment minutes per staff member and local date (the dates given). */
export function bookedLoad(busy: BusyInterval[], dates: LocalDate[], timeZone: string): Map<string, number> {
  const days = dates.map((date) => ({
    date,
    from: zonedInstant(date, 0, timeZone).getTime(),
    to: zonedInstant(addDays(date, 1), 0, timeZone).getTime(),
  }));
  const load = new Map<string, number>();
  for (const b of busy) {
    if (b.kind !== "appointment") continue;
    const day = days.find((d) => b.start.getTime() >= d.from && b.start.getTime() < d.to);
    if (!day) continue;
    const key = loadKey(b.staffId, day.date);
    load.set(key, (load.get(key) ?? 0) + (b.end.getTime() - b.start.getTime()) / 60_000);
  }
  return load;
}

type Loaded = { c: Candidate; minutes: number };
const withLoad = (c: Candidate, load: Map<string, number>): Loaded => ({
  c,
  minutes: load.get(loadKey(c.staffId, c.date)) ?? 0,
});
const loadOrder = (a: Loaded, b: Loaded) =>
  a.minutes - b.minutes ||
  collator.compare(a.c.staffName, b.c.staffName) ||
  (a.c.staffId < b.c.staffId ? -1 : a.c.staffId > b.c.staffId ? 1 : 0);

/** Orders staff options for one start: least booked that day first, then by name. */
export function byLoad(options: Candidate[], load: Map<string, number>): Candidate[] {
  return options
    .map((c) => withLoad(c, load))
    .sort(loadOrder)
    .map((x) => x.c);
}

/** One candidate per start: the one byLoad would put first. */
export function pickPerStart(candidates: Candidate[], load: Map<string, number>): Candidate[] {
  const best = new Map<number, Loaded>();
  for (const c of candidates) {
    const option = withLoad(c, load);
    const current = best.get(c.start.getTime());
    if (!current || loadOrder(option, current) < 0) best.set(c.start.getTime(), option);
  }
  return [...best.values()].map((x) => x.c);
}

const MAX_RANGE_DAYS = 31;

/**
 * Bookable starts for a service over a day or a range of days, for one staff member or any
 * qualified one: opening hours, working hours, qualifications, appointments, other calls' holds
 * and external busy times all count.
 */
export async function findAvailability({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof availabilityInput>;
}): Promise<Availability> {
  const data = parseInput(availabilityInput, input);
  const to = data.to ?? data.from;
  const span = daysBetween(data.from, to);
  if (span < 0 || span > MAX_RANGE_DAYS)
    throw new AppError("VALIDATION", `Zeitraum muss zwischen 1 und ${MAX_RANGE_DAYS + 1} Tagen liegen`);
  const { db, company } = ctx;
  const base = await serviceBasis(ctx, data.serviceId);
  const service = base.service;
  const wanted = data.staffIds ?? (data.staffId ? [data.staffId] : null);
  const staff = !service.active ? [] : wanted ? base.qualified.filter((s) => wanted.includes(s.id)) : base.qualified;
  const dates = Array.from({ length: span + 1 }, (_, i) => addDays(data.from, i));
  const rangeStart = zonedInstant(data.from, 0, company.timeZone);
  const rangeEnd = zonedInstant(addDays(to, 1), 0, company.timeZone);
  const busy = await loadBusy(db, {
    companyId: company.id,
    staffIds: [...new Set(staff.flatMap((s) => s.personIds ?? [s.id]))],
    from: rangeStart,
    to: rangeEnd,
    ownHold: data.callId ? { callId: data.callId } : undefined,
    ignoreAppointmentId: data.ignoreAppointmentId,
  });
  const load = bookedLoad(busy, dates, company.timeZone);
  const calendar = await salonCalendar(ctx);
  const candidates = computeCandidates({
    company,
    calendar,
    service,
    staff,
    dates,
    busy,
    now: notBefore(data.now),
    exactStart: data.exactStart,
  });
  return { service, staff, candidates, slots: pickPerStart(candidates, load), load, calendar };
}
