import { salonDay } from "../companies";
import type { Ctx } from "../context";
import { notBefore, localDate, minutesIntoLocalDay, zonedInstant } from "../time";
import {
  type Availability,
  byLoad,
  type Candidate,
  companyWindows,
  findAvailability,
  horizonEnd,
  staffWindows,
} from "./availability";
import { workingWindows } from "./absence-windows";
import { planPhases } from "./phases";

export type UnavailableReason =
  | "in_past"
  | "beyond_horizon"
  | "outside_opening_hours"
  | "closed_holiday"
  | "closed_special_day"
  | "ends_after_closing"
  | "not_on_grid"
  | "no_staff"
  | "staff_not_working"
  | "staff_absent"
  | "staff_ends_early"
  | "taken";

/**
 * What a refusal needs to be said truthfully: when the salon or the stylist stops that day; for a
 * closed holiday or special day its name or reason, for a day with special hours those hours.
 */
export type UnavailableDetail = {
  closesAt?: Date;
  staffUntil?: Date;
  horizon?: Date;
  partOfDay?: boolean;
  name?: string | null;
  hours?: { open: string; close: string }[];
  /** The salon opens again later that day: `closesAt` starts a break (lunch), not the evening. */
  pause?: boolean;
};

export type SlotCheck =
  | { ok: true; options: Candidate[]; availability: Availability }
  | { ok: false; reason: UnavailableReason; detail: UnavailableDetail; availability?: Availability };

type Window = { from: number; to: number };

/**
 * Can this service start at `start` (with these staff records, or anyone qualified)? When yes, the
 * staff options ordered by load; when no, the true reason, decided here and not guessed by whoever
 * says it: past, beyond the horizon, a public holiday or special day the salon is closed, salon
 * closed, would end after closing, nobody does the service, off the slot grid, stylist not working
 * or away, stylist's day ends first — and only then "taken".
 */
export async function checkSlot({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    serviceId: number;
    start: Date;
    staffId?: string;
    staffIds?: string[];
    callId?: number;
    ignoreAppointmentId?: number;
    /** The start is an appointment's own time: allowed off the slot grid. */
    ownTime?: boolean;
    now?: Date;
  };
}): Promise<SlotCheck> {
  const tz = ctx.company.timeZone;
  const now = notBefore(input.now);
  const date = localDate(input.start, tz);
  // Beyond the horizon nothing is looked up (a year like 9999 is no date the database takes).
  const horizon = horizonEnd(ctx.company, now);
  if (input.start > horizon) return { ok: false, reason: "beyond_horizon", detail: { horizon } };
  const availability = await findAvailability({
    ctx,
    input: {
      serviceId: input.serviceId,
      from: date,
      staffId: input.staffId,
      staffIds: input.staffIds,
      callId: input.callId,
      ignoreAppointmentId: input.ignoreAppointmentId,
      exactStart: input.ownTime ? input.start : undefined,
      now,
    },
  });
  const options = byLoad(
    availability.candidates.filter((c) => c.start.getTime() === input.start.getTime()),
    availability.load,
  );
  if (options.length > 0) return { ok: true, options, availability };

  const fail = (reason: UnavailableReason, detail: UnavailableDetail = {}): SlotCheck => ({
    ok: false,
    reason,
    detail,
    availability,
  });
  if (input.start < now) return fail("in_past");
  const phases = planPhases(availability.service, input.start);
  const end = phases[phases.length - 1]!.end;
  const at = (minute: number) => zonedInstant(date, minute, tz);
  const startsIn = (windows: Window[]) => windows.find((w) => input.start >= at(w.from) && input.start < at(w.to));
  const salon = salonDay(availability.calendar, date);
  const exception = salon.exception;
  if (exception && salon.hours.length === 0)
    return exception.kind === "holiday"
      ? fail("closed_holiday", { name: exception.name })
      : fail("closed_special_day", { name: exception.reason });
  const windows = companyWindows(availability.calendar, date);
  const opening = startsIn(windows);
  if (!opening) return fail("outside_opening_hours", exception ? { hours: salon.hours } : {});
  if (end > at(opening.to))
    return fail("ends_after_closing", { closesAt: at(opening.to), pause: windows.some((w) => w.from >= opening.to) });
  if (availability.staff.length === 0) return fail("no_staff");
  if (!input.ownTime && minutesIntoLocalDay(input.start, tz) % ctx.company.slotGridMinutes !== 0)
    return fail("not_on_grid");
  const shifts = availability.staff
    .map((member) => startsIn(staffWindows(member, date)))
    .filter((w): w is Window => w !== undefined);
  if (shifts.length === 0) {
    // Would work then but is away (never say why: "krank" is private).
    const away = availability.staff.filter((member) => startsIn(workingWindows(member, date)));
    if (away.length === 0) return fail("staff_not_working");
    return fail("staff_absent", { partOfDay: away.some((member) => staffWindows(member, date).length > 0) });
  }
  if (!shifts.some((w) => end <= at(w.to)))
    return fail("staff_ends_early", { staffUntil: at(Math.max(...shifts.map((w) => w.to))) });
  return fail("taken");
}
