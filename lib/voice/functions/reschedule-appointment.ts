import { z } from "zod";
import { findAlternatives } from "../../booking/alternatives";
import { rescheduleAppointment } from "../../booking/reschedule-appointment";
import { isAppError } from "../../errors";
import { isoWithOffset, localDate } from "../../time/zoned";
import { resolveWhen } from "../resolve";
import { alternativesJson, alternativesSpoken, phasesJson, whenSpoken } from "../speech";
import { fail, type VoiceCtx, type VoiceResult } from "../types";
import { idArg, parseArgs, text } from "./args";
import { atSpoken, type CallerAppointment, sentenceStart } from "./caller-appointments";
import { openingSpoken } from "./opening";
import { resolveCallerAppointment } from "./resolve-caller-appointment";

const schema = z.object({
  appointment_id: idArg,
  customer_name: text,
  old_date: text,
  old_time: text,
  new_date: text,
  new_time: text,
});

const REFUSED = ["SLOT_TAKEN", "UNAVAILABLE", "OUTSIDE_OPENING_HOURS", "IN_PAST"];

/** Moves one of the caller's own appointments: same id, new time; the old time stays if the new one is taken. */
export async function rescheduleAppointmentFunction(ctx: VoiceCtx, rawArgs: unknown): Promise<VoiceResult> {
  const args = parseArgs(schema, rawArgs);
  const tz = ctx.company.timeZone;
  const target = await resolveCallerAppointment(ctx, {
    appointmentId: args.appointment_id,
    customerName: args.customer_name,
    date: args.old_date,
    time: args.old_time,
    action: "verschieben",
  });
  if (target.failure) return { ...target.failure, rescheduled: false };
  const appointment = target.value;
  const notMoved = { rescheduled: false };
  if (!args.new_date) {
    return fail("missing_field", "Auf welchen Tag möchten Sie den Termin verschieben?", {
      ...notMoved,
      field: "new_date",
    });
  }
  const when = resolveWhen(ctx, args.new_date, args.new_time, "new_date");
  if (when.failure) return { ...when.failure, ...notMoved };
  const start = when.value.start;
  if (!start) {
    return fail("missing_field", "Um wie viel Uhr soll der neue Termin sein?", { ...notMoved, field: "new_time" });
  }
  const requested_start = isoWithOffset(start, tz);
  const spoken = sentenceStart(whenSpoken(start, tz, ctx.now));
  if (start < ctx.now) {
    const message = `${spoken} liegt leider schon in der Vergangenheit. Wann hätten Sie stattdessen Zeit?`;
    return fail("in_past", message, { ...notMoved, requested_start });
  }

  try {
    const input = { appointmentId: appointment.id, start, callId: ctx.call.id, now: ctx.now };
    const moved = await rescheduleAppointment({ ctx, input });
    return {
      ok: true,
      rescheduled: true,
      appointment_id: moved.id,
      start: isoWithOffset(moved.start, tz),
      end: isoWithOffset(moved.end, tz),
      phases: phasesJson(moved.phases, tz),
      message: `Ich habe Ihren Termin verschoben, er ist jetzt ${atSpoken(ctx, moved.start)} bei ${moved.staffName}.`,
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "CONFLICT") {
      const message = `Ihr Termin ${atSpoken(ctx, appointment.start)} kann nicht mehr verschoben werden.`;
      return fail("in_past", message, notMoved);
    }
    if (!REFUSED.includes(error.code)) throw error;
    return refusedMove(ctx, appointment, start, error.code);
  }
}

/** The new time is not possible: the old one stays, with up to three alternatives. */
async function refusedMove(ctx: VoiceCtx, appointment: CallerAppointment, start: Date, code: string) {
  const tz = ctx.company.timeZone;
  const day = localDate(start, tz);
  const input = { serviceId: appointment.serviceId, around: start, callId: ctx.call.id, now: ctx.now };
  const alternatives = await findAlternatives({ ctx, input: { ...input, ignoreAppointmentId: appointment.id } });
  const extra = {
    rescheduled: false,
    appointment_id: appointment.id,
    requested_start: isoWithOffset(start, tz),
    alternatives: alternativesJson(alternatives, tz),
  };
  const offer = alternatives.length ? alternativesSpoken(alternatives, tz, day, ctx.now, null) : null;
  const rest = keepAndOffer(ctx, appointment, offer);
  const spoken = sentenceStart(whenSpoken(start, tz, ctx.now));
  if (code === "OUTSIDE_OPENING_HOURS") {
    const closed = `Zu dieser Zeit hat der Salon leider nicht geöffnet, ${openingSpoken(ctx.company, day)}.`;
    return fail("outside_opening_hours", `${closed} ${rest}`, extra);
  }
  if (code === "IN_PAST") return fail("in_past", `${spoken} liegt leider schon in der Vergangenheit. ${rest}`, extra);
  return fail("slot_taken", `${spoken} ist leider nicht frei. ${rest}`, extra);
}

/** The second sentence of a refused move: the old time stays, and what could be offered instead. */
function keepAndOffer(ctx: VoiceCtx, appointment: CallerAppointment, offer: string | null): string {
  const keep = `Ihr bisheriger Termin ${atSpoken(ctx, appointment.start)} bleibt bestehen`;
  return offer ? `${keep}, ich könnte Ihnen aber ${offer} anbieten.` : `${keep}.`;
}
