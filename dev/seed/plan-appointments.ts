import { planPhases, type PlannedPhase } from "../../lib/booking";
import { publicHolidayOn } from "../../lib/companies";
import { addDays, addMinutes, isoWeekday, localDate, zonedInstant } from "../../lib/time";
import type { DemoCompany, DemoService } from "./catalog";
import { randomCallId } from "./conversations";
import { isManagedParentMapping } from "./insert-services";
import type { DemoCustomer } from "./people";
import type { Random } from "./random";
import { planSchedule, segmentsOf, serviceMinutes, type PlannedAppointment } from "./schedule";
import { seed000Appointments } from "./seed-000";

export type SyncOutcome = "synced" | "pending" | "failed" | "partial";
export type Status = "confirmed" | "cancelled" | "completed" | "no_show";

/** One appointment before it has ids: who, what, when, and how its Cal.com sync went. */
export type AppointmentDraft = {
  staffIndex: number;
  service: DemoService;
  customerIndex: number;
  start: Date;
  end: Date;
  phases: PlannedPhase[];
  status: Status;
  sync: SyncOutcome;
  createdAt: Date;
  voice: boolean;
  retellCallId: string;
  /** Seed 000: marked failed, but Cal.com created the bookings anyway. */
  ghost: boolean;
  managedParent: boolean;
};

export function planAppointments(def: DemoCompany, now: Date, random: Random, customers: DemoCustomer[]) {
  const today = localDate(now, def.timeZone);
  const plan = planSchedule(def, today, random, seed000Appointments(def, today));
  return plan.map((p) => draftAppointment(def, now, random, customers, p));
}

// The order of the random draws below is the demo data: reordering them changes every later row.
function draftAppointment(
  def: DemoCompany,
  now: Date,
  random: Random,
  customers: DemoCustomer[],
  p: PlannedAppointment,
): AppointmentDraft {
  const start = zonedInstant(p.date, p.startMinute, def.timeZone);
  const composite = Boolean(p.service.segments);
  const definition = { name: p.service.name, durationMinutes: serviceMinutes(p.service), composite };
  const phases = planPhases({ ...definition, segments: segmentsOf(p.service) }, start);
  const end = phases[phases.length - 1]!.end;
  const customerIndex = p.fixed
    ? customers.findIndex((c) => c.name === p.fixed!.customerName)
    : random.int(0, customers.length - 1);
  let createdAt = addMinutes(start, -random.int(1, 12) * 24 * 60 - random.int(0, 8 * 60));
  if (createdAt > now) createdAt = addMinutes(now, -random.int(10, 14 * 24 * 60));
  const status: Status = p.fixed ? (start > now ? "confirmed" : "completed") : pickStatus(random, start, now);
  const managedParent =
    start > now && composite && isManagedParentMapping(def, p.service.name, def.staff[p.staffIndex]!.name, "A");
  const sync: SyncOutcome = p.fixed ? "failed" : managedParent ? "partial" : pickSync(random, composite, start, now);
  const ghost = Boolean(p.fixed) || (sync === "failed" && composite && start > now && random.chance(0.5));
  if (sync === "pending") createdAt = addMinutes(now, -random.int(1, 30));
  return {
    staffIndex: p.staffIndex,
    service: p.service,
    customerIndex,
    start,
    end,
    phases,
    status,
    sync: status === "cancelled" ? "synced" : sync,
    createdAt,
    voice: p.fixed ? true : random.chance(0.75),
    retellCallId: p.fixed?.retellCallId ?? randomCallId(random),
    ghost: status !== "cancelled" && ghost,
    managedParent: status !== "cancelled" && managedParent,
  };
}

function pickSync(random: Random, composite: boolean, start: Date, now: Date): SyncOutcome {
  const future = start > now;
  const roll = random.next();
  if (future && roll < 0.02) return "pending";
  if (roll < 0.045) return "failed";
  if (composite && roll < 0.09) return "partial";
  return "synced";
}

function pickStatus(random: Random, start: Date, now: Date): Status {
  const roll = random.next();
  if (start > now) return roll < 0.07 ? "cancelled" : "confirmed";
  if (roll < 0.06) return "cancelled";
  if (roll < 0.09) return "no_show";
  return "completed";
}

const CONFLICTS_PER_PERSON = 2;
const CONFLICT_SERVICE = "Herrenhaarschnitt";

/** Could another person's record take this appointment: works then, performs the service, has nothing booked? */
function someoneElseFree(def: DemoCompany, drafts: AppointmentDraft[], d: AppointmentDraft, person: string): boolean {
  const date = localDate(d.start, def.timeZone);
  const weekday = isoWeekday(date) as keyof DemoCompany["staff"][number]["hours"];
  return def.staff.some((s, index) => {
    const hours = s.hours[weekday];
    if (s.person === person || !hours) return false;
    if (!(s.services.includes("*") || s.services.includes(d.service.name))) return false;
    const [open, close] = hours.map((t) => zonedInstant(date, minutesOf(t), def.timeZone));
    if (d.start < open! || d.end > close!) return false;
    return !drafts.some(
      (o) => o.staffIndex === index && o.status !== "cancelled" && o.start < d.end && d.start < o.end,
    );
  });
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The seed-003 incident as it stood: before anyone flagged the two records of one person, both were
 * booked at the same time. For each person with several records: on the first days from two days
 * ahead, the first half hour where both records work and are free and another stylist could take
 * it, one Herrenhaarschnitt on each record — for the merge to resolve by giving one away. Appended
 * after everything else (no random draws), so no earlier row changes.
 */
export function doubleBookedDuplicates(
  def: DemoCompany,
  drafts: AppointmentDraft[],
  now: Date,
  customerCount: number,
): AppointmentDraft[] {
  const service = def.services.find((x) => x.name === CONFLICT_SERVICE);
  if (!service) return [];
  const tz = def.timeZone;
  const persons = new Map<string, number[]>();
  def.staff.forEach((x, i) => persons.set(x.person, [...(persons.get(x.person) ?? []), i]));
  const definition = { name: service.name, durationMinutes: serviceMinutes(service), composite: false };
  const twin = (staffIndex: number, start: Date, customerIndex: number): AppointmentDraft => {
    const phases = planPhases({ ...definition, segments: segmentsOf(service) }, start);
    return {
      staffIndex,
      service,
      customerIndex: customerIndex % customerCount,
      start,
      end: phases[phases.length - 1]!.end,
      phases,
      status: "confirmed",
      sync: "synced",
      createdAt: addMinutes(now, -3 * 24 * 60 - customerIndex),
      voice: false,
      retellCallId: "",
      ghost: false,
      managedParent: false,
    };
  };
  const added: AppointmentDraft[] = [];
  for (const [person, records] of persons) {
    if (records.length < 2) continue;
    const found: AppointmentDraft[] = [];
    for (let day = 2; day <= def.daysAhead && found.length < 2 * CONFLICTS_PER_PERSON; day++) {
      const date = addDays(localDate(now, tz), day);
      const weekday = isoWeekday(date) as keyof DemoCompany["staff"][number]["hours"];
      if (publicHolidayOn(def.state, date)) continue;
      const shifts = records.map((r) => def.staff[r]!.hours[weekday]);
      if (shifts.some((h) => !h)) continue;
      const from = Math.max(...shifts.map((h) => minutesOf(h![0])));
      const to = Math.min(...shifts.map((h) => minutesOf(h![1])));
      for (let minute = from; minute + serviceMinutes(service) <= to; minute += 30) {
        const pair = records.map((r, k) => twin(r, zonedInstant(date, minute, tz), found.length * 2 + k + 3));
        const clash = drafts.some(
          (o) =>
            records.includes(o.staffIndex) &&
            o.status !== "cancelled" &&
            o.start < pair[0]!.end &&
            pair[0]!.start < o.end,
        );
        if (clash || !someoneElseFree(def, drafts, pair[0]!, person)) continue;
        found.push(...pair);
        break;
      }
    }
    added.push(...found);
  }
  return added;
}
