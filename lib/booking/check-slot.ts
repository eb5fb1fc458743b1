import type { Ctx } from "../context";
import { localDate, minutesIntoLocalDay, zonedInstant } from "../time/zoned";
import { type Availability, byLoad, type Candidate, companyWindows, findAvailability, horizonEnd, staffWindows } from "./availability";
import type { BookingBasis } from "./load";
import { planPhases } from "./phases";
import { notBefore } from "../time/clock";

export type UnavailableReason =
  | "in_past"
  | "beyond_horizon"
  | "outside_opening_hours"
  | "not_on_grid"
  | "no_staff"
  | "staff_not_working"
  | "taken";

export type SlotCheck =
  | { ok: true; options: Candidate[]; availability: Availability }
  | { ok: false; reason: UnavailableReason; availability: Availability };

/**
 * Can this service start at `start` (with this staff member, or anyone qualified)? When yes, the
 * staff options ordered by load; when no, the first reason a caller would understand.
 */
export async function checkSlot({
  ctx,
  input,
  basis,
}: {
  ctx: Ctx;
  input: { serviceId: number; start: Date; staffId?: string; callId?: number; ignoreAppointmentId?: number; now?: Date };
  basis?: BookingBasis;
}): Promise<SlotCheck> {
  const tz = ctx.company.timeZone;
  const now = notBefore(input.now);
  const date = localDate(input.start, tz);
  const availability = await findAvailability({
    ctx,
    input: { serviceId: input.serviceId, from: date, staffId: input.staffId, callId: input.callId, ignoreAppointmentId: input.ignoreAppointmentId, now },
    basis,
  });
  const options = byLoad(
    availability.candidates.filter((c) => c.start.getTime() === input.start.getTime()),
    availability.load,
  );
  if (options.length > 0) return { ok: true, options, availability };

  const fail = (reason: UnavailableReason): SlotCheck => ({ ok: false, reason, availability });
  if (input.start < now) return fail("in_past");
  if (input.start > horizonEnd(ctx.company, now)) return fail("beyond_horizon");
  const phases = planPhases(availability.service, input.start);
  const end = phases[phases.length - 1]!.end;
  const within = (windows: { from: number; to: number }[]) =>
    windows.some((w) => input.start >= zonedInstant(date, w.from, tz) && end <= zonedInstant(date, w.to, tz));
  if (!within(companyWindows(ctx.company, date))) return fail("outside_opening_hours");
  if (availability.staff.length === 0) return fail("no_staff");
  if (minutesIntoLocalDay(input.start, tz) % ctx.company.slotGridMinutes !== 0) return fail("not_on_grid");
  if (!availability.staff.some((member) => within(staffWindows(member, date)))) return fail("staff_not_working");
  return fail("taken");
}
