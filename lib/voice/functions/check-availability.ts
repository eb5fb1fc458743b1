import { z } from "zod";
import { checkSlot, type Hold, holdSlot, type Candidate } from "../../booking";
import type { LoadedService } from "../../catalog";
import { isAppError } from "../../errors";
import { isoWithOffset, localDate } from "../../time";
import { offerAlternatives } from "../offers";
import { ownAppointmentInTheWay } from "../own-appointment";
import { refusal } from "../refusals";
import { resolveService, resolveStaff, resolveWhen } from "../resolve";
import { say, whenPhrase } from "../say";
import { durationSpoken, phasesJson } from "../speech";
import { fail, type VoiceCtx, type VoiceResult } from "../types";
import { described, parseArgs } from "./args";
import { dayListing } from "./day-listing";

/** Validates the call's args; the agent's tool definition is generated from it (lib/voice/agent). */
export const checkAvailabilityArgs = z.object({
  service: described.service,
  date: described.date,
  time: described.time,
  staff: described.staff,
});

async function holdFirstFree(
  ctx: VoiceCtx,
  service: LoadedService,
  options: Candidate[],
): Promise<{ option: Candidate; hold: Hold } | null> {
  for (const option of options) {
    try {
      const hold = await holdSlot({
        ctx,
        input: { callId: ctx.call.id, serviceId: service.id, staffId: option.staffId, start: option.start },
        service,
      });
      return { option, hold };
    } catch (error) {
      if (!(isAppError(error) && error.code === "SLOT_TAKEN")) throw error;
    }
  }
  return null;
}

/**
 * Is the wished time free? Yes: the slot is held for this call. No: the true reason (decided by
 * the engine) and up to three alternatives that never repeat the refused start.
 */
export async function checkAvailabilityFunction(ctx: VoiceCtx, rawArgs: unknown): Promise<VoiceResult> {
  const args = parseArgs(checkAvailabilityArgs, rawArgs);
  const tz = ctx.company.timeZone;
  const service = await resolveService(ctx, args.service);
  if (service.failure) return service.failure;
  const staff = await resolveStaff(ctx, args.staff);
  if (staff.failure) return staff.failure;
  const when = resolveWhen(ctx, args.date, args.time);
  if (when.failure) return when.failure;
  const { id: serviceId, name } = service.value;
  const staffIds = staff.value?.ids;
  const staffName = staff.value?.name ?? null;
  if (!when.value.start) return dayListing(ctx, { service: service.value, staffIds, staffName, date: when.value.date });

  const start = when.value.start;
  const requested_start = isoWithOffset(start, tz);
  const check = await checkSlot({ ctx, input: { serviceId, start, staffIds, callId: ctx.call.id, now: ctx.now } });
  if (check.ok) {
    const held = await holdFirstFree(ctx, check.availability.service, check.options);
    if (held) {
      const { option, hold } = held;
      const duration = service.value.composite
        ? `, die Behandlung dauert insgesamt etwa ${durationSpoken(service.value.durationMinutes)}`
        : "";
      return {
        ok: true,
        available: true,
        requested_start,
        message: say(
          `${name} ${whenPhrase(option.start, tz, ctx.now)} ist bei ${option.staffName} frei${duration}`,
          "Soll ich den Termin für Sie buchen?",
        ),
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
  if (reason === "taken") {
    const own = await ownAppointmentInTheWay(ctx, { serviceId, start, staffIds });
    if (own) {
      const message = say(
        `Zu dieser Zeit haben Sie bereits einen Termin: ${own.spoken}`,
        `Soll ich ihn auf ${whenPhrase(start, tz, ctx.now)} verschieben?`,
      );
      return { ok: true, available: false, requested_start, own_appointment_id: own.id, message, alternatives: [] };
    }
  }
  const why = refusal(reason, check.ok ? {} : check.detail, {
    company: ctx.company,
    now: ctx.now,
    start,
    service: service.value,
    staffName,
  });
  const offer = await offerAlternatives(ctx, {
    serviceId,
    around: start,
    requestedDay: localDate(start, tz),
    staffIds: reason === "no_staff" ? undefined : staffIds,
    askedFor: reason === "no_staff" ? null : staffName,
    skip: reason === "beyond_horizon",
  });
  const extra = { available: false, requested_start, alternatives: offer.json };
  const message = say(why.text, offer.sentence);
  return why.error ? fail(why.error, message, extra) : { ok: true, message, ...extra };
}
