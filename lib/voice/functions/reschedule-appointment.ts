import { z } from "zod";
import { findAlternatives } from "../../booking/alternatives";
import { rescheduleAppointment } from "../../booking/reschedule-appointment";
import { isAppError } from "../../errors";
import { isoWithOffset, localDate } from "../../time/zoned";
import { resolveWhen } from "../resolve";
import { alternativesJson, alternativesSpoken, phasesJson, whenSpoken } from "../speech";
import { fail, type VoiceCtx, type VoiceResult } from "../types";
import { idArg, parseArgs, text } from "./args";
import { describe, resolveCallerAppointment } from "./caller-appointments";
import { openingSpoken } from "./opening";

const schema = z.object({ appointment_id: idArg, old_date: text, old_time: text, new_date: text, new_time: text });

/** Moves the caller's appointment: same appointment id, new time; the old time stays if the new one is taken. */
export async function rescheduleAppointmentFunction(ctx: VoiceCtx, rawArgs: unknown): Promise<VoiceResult> {
  const args = parseArgs(schema, rawArgs);
  const tz = ctx.company.timeZone;
  if (!args.new_date) return fail("missing_field", "Auf welchen Tag möchten Sie den Termin verschieben?", { rescheduled: false, field: "new_date" });
  const when = resolveWhen(ctx, args.new_date, args.new_time, "new_date");
  if (when.failure) return { ...when.failure, rescheduled: false };
  if (!when.value.start) return fail("missing_field", "Um wie viel Uhr soll der neue Termin sein?", { rescheduled: false, field: "new_time" });
  const target = await resolveCallerAppointment(ctx, { appointmentId: args.appointment_id, date: args.old_date, time: args.old_time, action: "verschieben" });
  if (target.failure) return { ...target.failure, rescheduled: false };
  const appointment = target.value;
  const start = when.value.start;
  const requested_start = isoWithOffset(start, tz);
  const spoken = whenSpoken(start, tz, ctx.now);
  if (start < ctx.now) return fail("in_past", `${spoken} liegt leider schon in der Vergangenheit. Wann hätten Sie stattdessen Zeit?`, { rescheduled: false, requested_start });

  try {
    const moved = await rescheduleAppointment({ ctx, input: { appointmentId: appointment.id, start, callId: ctx.call.id, now: ctx.now } });
    return {
      ok: true,
      rescheduled: true,
      appointment_id: moved.id,
      start: isoWithOffset(moved.start, tz),
      end: isoWithOffset(moved.end, tz),
      phases: phasesJson(moved.phases, tz),
      message: `Ich habe Ihren Termin verschoben: ${appointment.serviceName} ist jetzt ${whenSpoken(moved.start, tz, ctx.now)}.`,
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "CONFLICT") return fail("in_past", `Der Termin ${describe(ctx, appointment)} kann nicht mehr verschoben werden.`, { rescheduled: false });
    if (!["SLOT_TAKEN", "UNAVAILABLE", "OUTSIDE_OPENING_HOURS", "IN_PAST"].includes(error.code)) throw error;
    const alternatives = await findAlternatives({ ctx, input: { serviceId: appointment.serviceId, around: start, callId: ctx.call.id, ignoreAppointmentId: appointment.id, now: ctx.now } });
    const offer = alternatives.length ? ` Ich könnte Ihnen ${alternativesSpoken(alternatives, tz, localDate(start, tz), ctx.now, null)} anbieten.` : "";
    const extra = { rescheduled: false, appointment_id: appointment.id, requested_start, alternatives: alternativesJson(alternatives, tz) };
    const keep = ` Ihr bisheriger Termin ${whenSpoken(appointment.start, tz, ctx.now)} bleibt bestehen.`;
    if (error.code === "OUTSIDE_OPENING_HOURS") {
      return fail("outside_opening_hours", `Zu dieser Zeit hat der Salon leider nicht geöffnet, ${openingSpoken(ctx.company, localDate(start, tz))}.${keep}${offer}`, extra);
    }
    if (error.code === "IN_PAST") return fail("in_past", `${spoken} liegt leider schon in der Vergangenheit.${keep}${offer}`, extra);
    return fail("slot_taken", `${spoken} ist leider nicht frei.${keep}${offer}`, extra);
  }
}
