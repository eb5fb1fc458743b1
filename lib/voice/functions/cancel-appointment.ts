import { z } from "zod";
import { cancelAppointment } from "../../booking/cancel-appointment";
import { isAppError } from "../../errors";
import { fail, type VoiceCtx, type VoiceResult } from "../types";
import { idArg, parseArgs, text } from "./args";
import { describe, resolveCallerAppointment } from "./caller-appointments";

const schema = z.object({ appointment_id: idArg, date: text, time: text });

export async function cancelAppointmentFunction(ctx: VoiceCtx, rawArgs: unknown): Promise<VoiceResult> {
  const args = parseArgs(schema, rawArgs);
  const target = await resolveCallerAppointment(ctx, { appointmentId: args.appointment_id, date: args.date, time: args.time, action: "absagen" });
  if (target.failure) return { ...target.failure, cancelled: false };
  const appointment = target.value;
  try {
    const result = await cancelAppointment({ ctx, input: { appointmentId: appointment.id, now: ctx.now } });
    return {
      ok: true,
      cancelled: true,
      appointment_id: appointment.id,
      message: result.alreadyCancelled
        ? `Der Termin ${describe(ctx, appointment)} war bereits storniert.`
        : `Ihr Termin ${describe(ctx, appointment)} ist storniert. Vielen Dank für Ihre Absage!`,
    };
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT") {
      return fail("in_past", "Dieser Termin liegt bereits in der Vergangenheit und kann nicht mehr storniert werden.", { cancelled: false, appointment_id: appointment.id });
    }
    throw error;
  }
}
