import { z } from "zod";
import { cancelAppointment } from "../../booking";
import { isAppError } from "../../errors";
import { fail, type VoiceCtx, type VoiceResult } from "../types";
import { described, parseArgs } from "./args";
import { atSpoken } from "./caller-appointments";
import { resolveCallerAppointment } from "./resolve-caller-appointment";

/** Validates the call's args; the agent's tool definition is generated from it (lib/voice/agent). */
export const cancelAppointmentArgs = z.object({
  appointment_id: described.appointmentId,
  customer_name: described.ownName,
  date: described.ownDate,
  time: described.ownTime,
});

/** Cancels one of the caller's own appointments (see resolveCallerAppointment for what identifies it). */
export async function cancelAppointmentFunction(ctx: VoiceCtx, rawArgs: unknown): Promise<VoiceResult> {
  const args = parseArgs(cancelAppointmentArgs, rawArgs);
  const target = await resolveCallerAppointment(ctx, {
    appointmentId: args.appointment_id,
    customerName: args.customer_name,
    date: args.date,
    time: args.time,
    action: "absagen",
  });
  if (target.failure) return { ...target.failure, cancelled: false };
  const appointment = target.value;
  const spoken = `${atSpoken(ctx, appointment.start)} bei ${appointment.staffName}`;
  try {
    const result = await cancelAppointment({ ctx, input: { appointmentId: appointment.id, now: ctx.now } });
    return {
      ok: true,
      cancelled: true,
      appointment_id: appointment.id,
      message: result.alreadyCancelled
        ? `Ihr Termin ${spoken} war bereits storniert.`
        : `Ihr Termin ${spoken} ist storniert. Vielen Dank für Ihre Absage!`,
    };
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT") {
      const message = "Dieser Termin liegt bereits in der Vergangenheit und kann nicht mehr storniert werden.";
      return fail("in_past", message, { cancelled: false, appointment_id: appointment.id });
    }
    throw error;
  }
}
