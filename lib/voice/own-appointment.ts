import { checkSlot } from "../booking";
import { appointmentSpoken, callerPhone, upcomingForPhone } from "./functions/caller-appointments";
import type { VoiceCtx } from "./types";

/**
 * The caller's own appointment of this service that is the only thing in the way of `start` — the
 * caller is probably moving it. check_availability then says so instead of "vergeben", because
 * reschedule_appointment to that time would succeed (it ignores the appointment being moved).
 */
export async function ownAppointmentInTheWay(
  ctx: VoiceCtx,
  q: { serviceId: number; start: Date; staffIds?: string[] },
): Promise<{ id: number; spoken: string } | null> {
  const phone = callerPhone(ctx);
  if (!phone) return null;
  const own = (await upcomingForPhone(ctx, phone)).filter((a) => a.serviceId === q.serviceId).slice(0, 3);
  for (const appointment of own) {
    const check = await checkSlot({
      ctx,
      input: {
        serviceId: q.serviceId,
        start: q.start,
        staffIds: q.staffIds,
        callId: ctx.call.id,
        ignoreAppointmentId: appointment.id,
        now: ctx.now,
      },
    });
    if (check.ok) return { id: appointment.id, spoken: appointmentSpoken(ctx, appointment) };
  }
  return null;
}
