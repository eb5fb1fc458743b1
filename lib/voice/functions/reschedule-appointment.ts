import { z } from "zod";
import { type UnavailableDetail, type UnavailableReason, rescheduleAppointment } from "../../booking";
import { isAppError } from "../../errors";
import { isoWithOffset, localDate } from "../../time";
import { resolveWhen } from "../resolve";
import { offerAlternatives } from "../offers";
import { refusal } from "../refusals";
import { say } from "../say";
import { phasesJson } from "../speech";
import { fail, type VoiceCtx, type VoiceResult } from "../types";
import { described, parseArgs } from "./args";
import { atSpoken, type CallerAppointment } from "./caller-appointments";
import { resolveCallerAppointment } from "./resolve-caller-appointment";

/** Validates the call's args; the agent's tool definition is generated from it (lib/voice/agent). */
export const rescheduleAppointmentArgs = z.object({
  appointment_id: described.appointmentId,
  customer_name: described.ownName,
  old_date: described.ownDate,
  old_time: described.ownTime,
  new_date: described.newDate,
  new_time: described.newTime,
});

const REFUSED = ["SLOT_TAKEN", "UNAVAILABLE", "OUTSIDE_OPENING_HOURS", "IN_PAST"];

/** Moves one of the caller's own appointments: same id, new time; the old time stays if the new one is taken. */
export async function rescheduleAppointmentFunction(ctx: VoiceCtx, rawArgs: unknown): Promise<VoiceResult> {
  const args = parseArgs(rescheduleAppointmentArgs, rawArgs);
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
      message: say(
        `Ich habe Ihren Termin verschoben, er ist jetzt ${atSpoken(ctx, moved.start)} bei ${moved.staffName}`,
      ),
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "CONFLICT") {
      return fail(
        "in_past",
        say(`Ihr Termin ${atSpoken(ctx, appointment.start)} kann nicht mehr verschoben werden`),
        notMoved,
      );
    }
    if (!REFUSED.includes(error.code)) throw error;
    return refusedMove(ctx, appointment, start, requested_start, error.details ?? {});
  }
}

/** The new time is not possible, for the engine's reason: the old one stays, with up to three alternatives. */
async function refusedMove(
  ctx: VoiceCtx,
  appointment: CallerAppointment,
  start: Date,
  requested_start: string,
  details: Record<string, unknown>,
) {
  const tz = ctx.company.timeZone;
  const reason = (details.reason as UnavailableReason | undefined) ?? "taken";
  const service = {
    name: appointment.serviceName,
    durationMinutes: Math.round((appointment.end.getTime() - appointment.start.getTime()) / 60_000),
  };
  const why = refusal(reason, details as UnavailableDetail, {
    company: ctx.company,
    now: ctx.now,
    start,
    service,
    staffName: null,
  });
  const offer = await offerAlternatives(ctx, {
    serviceId: appointment.serviceId,
    around: start,
    requestedDay: localDate(start, tz),
    askedFor: null,
    ignoreAppointmentId: appointment.id,
    skip: reason === "beyond_horizon",
  });
  const keep = `Ihr bisheriger Termin ${atSpoken(ctx, appointment.start)} bleibt bestehen`;
  const second = offer.json.length
    ? `${keep}, ${offer.sentence.replace(/^Ich könnte Ihnen /, "ich könnte Ihnen aber ")}`
    : `${keep}.`;
  const extra = { rescheduled: false, appointment_id: appointment.id, requested_start, alternatives: offer.json };
  return fail(why.error ?? "slot_taken", say(why.text, second), extra);
}
