import { z } from "zod";
import { findAlternatives } from "../../booking/alternatives";
import { type Candidate, findAvailability } from "../../booking/availability";
import { checkSlot } from "../../booking/check-slot";
import type { BookingBasis, LoadedService } from "../../booking/load";
import { basisFor, getCatalog } from "../catalog";
import { type Hold, holdSlot } from "../../booking/holds";
import { isAppError } from "../../errors";
import { timeSpoken } from "../../time/format-de";
import { isoWithOffset, localDate, zonedInstant } from "../../time/zoned";
import { resolveService, resolveStaff, resolveWhen } from "../resolve";
import { alternativesJson, alternativesSpoken, dayOnlySpoken, durationSpoken, phasesJson, whenSpoken } from "../speech";
import { fail, type VoiceCtx, type VoiceResult } from "../types";
import { parseArgs, text } from "./args";
import { isClosedOn, openingSpoken } from "./opening";

const schema = z.object({ service: text, date: text, time: text, staff: text });

async function holdFirstFree(ctx: VoiceCtx, service: LoadedService, options: Candidate[]): Promise<{ option: Candidate; hold: Hold } | null> {
  for (const option of options) {
    try {
      const hold = await holdSlot({ ctx, input: { callId: ctx.call.id, serviceId: service.id, staffId: option.staffId, start: option.start }, service });
      return { option, hold };
    } catch (error) {
      if (!(isAppError(error) && error.code === "SLOT_TAKEN")) throw error;
    }
  }
  return null;
}

/** "um 9 Uhr, um 10 Uhr 30 oder um 14 Uhr" from a day's free starts, spread over the day. */
function sampleTimes(slots: Candidate[], max: number): Candidate[] {
  if (slots.length <= max) return slots;
  const step = (slots.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => slots[Math.round(i * step)]!);
}

export async function checkAvailabilityFunction(ctx: VoiceCtx, rawArgs: unknown): Promise<VoiceResult> {
  const args = parseArgs(schema, rawArgs);
  const tz = ctx.company.timeZone;
  const service = await resolveService(ctx, args.service);
  if (service.failure) return service.failure;
  const staff = await resolveStaff(ctx, args.staff);
  if (staff.failure) return staff.failure;
  const when = resolveWhen(ctx, args.date, args.time);
  if (when.failure) return when.failure;
  const { id: serviceId, name } = service.value;
  const staffId = staff.value?.id;
  const byStaff = staff.value ? ` bei ${staff.value.name}` : "";

  const basis = basisFor(await getCatalog(ctx), serviceId);
  if (!when.value.start) return dayListing(ctx, { serviceId, name, staffId, staffName: staff.value?.name ?? null, byStaff, date: when.value.date, basis });

  const start = when.value.start;
  const requested_start = isoWithOffset(start, tz);
  const spoken = whenSpoken(start, tz, ctx.now);
  if (start < ctx.now) {
    return fail("in_past", `${spoken} liegt leider schon in der Vergangenheit. Wann hätten Sie stattdessen Zeit?`, { available: false, requested_start });
  }
  const check = await checkSlot({ ctx, input: { serviceId, start, staffId, callId: ctx.call.id, now: ctx.now }, basis });
  if (check.ok) {
    const held = await holdFirstFree(ctx, check.availability.service, check.options);
    if (held) {
      const { option, hold } = held;
      const duration = service.value.composite ? ` Die Behandlung dauert insgesamt etwa ${durationSpoken(service.value.durationMinutes)}.` : "";
      return {
        ok: true,
        available: true,
        requested_start,
        message: `${name} ${spoken} ist frei, bei ${option.staffName}.${duration} Soll ich den Termin für Sie buchen?`,
        slot: {
          start: isoWithOffset(option.start, tz),
          end: isoWithOffset(option.end, tz),
          staff_id: option.staffId,
          staff_name: option.staffName,
          phases: phasesJson(option.phases, tz),
        },
        hold: { id: hold.id, expires_at: isoWithOffset(hold.expiresAt, tz) },
        alternatives: [],
      };
    }
  }

  const reason = check.ok ? "taken" : check.reason;
  const alternatives = await findAlternatives({
    ctx,
    input: { serviceId, around: start, staffId: reason === "no_staff" ? undefined : staffId, callId: ctx.call.id, now: ctx.now },
    basis: check.availability.basis,
  });
  const offer = alternatives.length
    ? ` Ich könnte Ihnen ${alternativesSpoken(alternatives, tz, localDate(start, tz), ctx.now, reason === "no_staff" ? null : (staff.value?.name ?? null))} anbieten. Passt Ihnen davon etwas?`
    : " In den nächsten zwei Wochen ist dafür leider nichts mehr frei.";
  const extra = { available: false, requested_start, alternatives: alternativesJson(alternatives, tz) };
  switch (reason) {
    case "in_past":
      return fail("in_past", `${spoken} liegt leider schon in der Vergangenheit.${offer}`, extra);
    case "outside_opening_hours":
      return fail("outside_opening_hours", `Um ${timeSpoken(start, tz)} hat der Salon leider nicht geöffnet, ${openingSpoken(ctx.company, localDate(start, tz))}.${offer}`, extra);
    case "no_staff":
      return { ok: true, message: `${staff.value?.name ?? "Bei uns"} bietet ${name} leider nicht an.${offer}`, ...extra };
    case "staff_not_working":
      return { ok: true, message: `${spoken} ist${byStaff} leider niemand für ${name} im Haus.${offer}`, ...extra };
    default:
      return { ok: true, message: `${spoken} ist${byStaff} leider schon vergeben.${offer}`, ...extra };
  }
}

async function dayListing(
  ctx: VoiceCtx,
  q: { serviceId: number; name: string; staffId?: string; staffName: string | null; byStaff: string; date: string; basis?: BookingBasis },
): Promise<VoiceResult> {
  const tz = ctx.company.timeZone;
  const noon = zonedInstant(q.date, 12 * 60, tz);
  const day = dayOnlySpoken(noon, tz, ctx.now);
  if (q.date < localDate(ctx.now, tz)) return fail("in_past", `${day} liegt leider schon in der Vergangenheit. Welcher Tag passt Ihnen stattdessen?`, { date: q.date });
  if (isClosedOn(ctx.company, q.date)) {
    const alternatives = await findAlternatives({ ctx, input: { serviceId: q.serviceId, around: zonedInstant(q.date, 10 * 60, tz), staffId: q.staffId, callId: ctx.call.id, now: ctx.now }, basis: q.basis });
    const offer = alternatives.length ? ` Der nächste freie Termin wäre ${alternativesSpoken(alternatives.slice(0, 1), tz, "", ctx.now, q.staffName)}.` : "";
    return fail("outside_opening_hours", `${openingSpoken(ctx.company, q.date).replace(/^./, (c) => c.toUpperCase())}.${offer}`, {
      date: q.date,
      slots: [],
      alternatives: alternativesJson(alternatives, tz),
    });
  }
  const { slots, basis } = await findAvailability({ ctx, input: { serviceId: q.serviceId, from: q.date, staffId: q.staffId, callId: ctx.call.id, now: ctx.now }, basis: q.basis });
  const slotJson = slots.map((s) => ({ start: isoWithOffset(s.start, tz), staff_name: s.staffName }));
  if (slots.length === 0) {
    const alternatives = await findAlternatives({ ctx, input: { serviceId: q.serviceId, around: zonedInstant(q.date, 10 * 60, tz), staffId: q.staffId, callId: ctx.call.id, now: ctx.now }, basis });
    const offer = alternatives.length ? ` Ich könnte Ihnen ${alternativesSpoken(alternatives, tz, q.date, ctx.now, q.staffName)} anbieten.` : "";
    return { ok: true, date: q.date, slots: [], alternatives: alternativesJson(alternatives, tz), message: `${day} ist${q.byStaff} für ${q.name} leider nichts mehr frei.${offer}` };
  }
  const times = sampleTimes(slots, 4).map((s) => `um ${timeSpoken(s.start, tz)}`);
  const intro = slots.length > 4 ? `${day} ist${q.byStaff} noch einiges frei, zum Beispiel` : `${day} ist${q.byStaff} noch frei:`;
  const list = times.length > 1 ? `${times.slice(0, -1).join(", ")} oder ${times[times.length - 1]}` : times[0];
  return { ok: true, date: q.date, slots: slotJson, message: `${intro} ${list}. Welche Uhrzeit passt Ihnen?` };
}
