import { planPhases, type PlannedPhase } from "../../lib/booking";
import { addMinutes, isoWeekday, localDate, zonedInstant } from "../../lib/time";
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

/** Could another person's record take this appointment: works then, performs the service, has nothing booked? */
function someoneElseFree(def: DemoCompany, drafts: AppointmentDraft[], d: AppointmentDraft, person: string): boolean {
  const date = localDate(d.start, def.timeZone);
  const weekday = isoWeekday(date) as keyof DemoCompany["staff"][number]["hours"];
  return def.staff.some((s, index) => {
    const hours = s.hours[weekday];
    if (s.person === person || !hours) return false;
    if (!(s.services.includes("*") || s.services.includes(d.service.name))) return false;
    const [open, close] = hours.map((t) =>
      zonedInstant(date, Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)), def.timeZone),
    );
    if (d.start < open! || d.end > close!) return false;
    return !drafts.some(
      (o) => o.staffIndex === index && o.status !== "cancelled" && o.start < d.end && d.start < o.end,
    );
  });
}

/**
 * The seed-003 incident as it stood: before anyone flagged the two records of one person, both were
 * booked at the same time. For each person with several records, the first future appointments of
 * the less used record (from two days ahead, where another stylist would be free to take one) get a
 * twin on the other record — another customer, the same time — for the merge to resolve. Appended
 * after everything else, so no earlier row changes.
 */
export function doubleBookedDuplicates(
  def: DemoCompany,
  drafts: AppointmentDraft[],
  now: Date,
  customerCount: number,
): AppointmentDraft[] {
  const from = addMinutes(now, 2 * 24 * 60);
  const persons = new Map<string, number[]>();
  def.staff.forEach((s, i) => persons.set(s.person, [...(persons.get(s.person) ?? []), i]));
  return [...persons.entries()]
    .filter(([, records]) => records.length > 1)
    .flatMap(([person, records]) => {
      const [main, rare] = [...records].sort((a, b) => (def.staff[b]!.share ?? 1) - (def.staff[a]!.share ?? 1));
      return drafts
        .filter((d) => d.staffIndex === rare && d.status === "confirmed" && d.start >= from)
        .filter((d) => someoneElseFree(def, drafts, d, person))
        .sort((a, b) => a.start.getTime() - b.start.getTime())
        .slice(0, CONFLICTS_PER_PERSON)
        .map((d) => ({
          ...d,
          staffIndex: main!,
          customerIndex: (d.customerIndex + 1) % customerCount,
          createdAt: addMinutes(d.createdAt, 90),
          sync: "synced" as const,
          voice: false,
          ghost: false,
          managedParent: false,
        }));
    });
}
