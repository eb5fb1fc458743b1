"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { findAvailability } from "@/lib/booking/availability";
import { cancelAppointment } from "@/lib/booking/cancel-appointment";
import { rescheduleAppointment } from "@/lib/booking/reschedule-appointment";
import { requireAdminAction } from "@/lib/auth/session";
import { type ActionState, actionError } from "@/lib/actions/action-state";
import { getAppointmentDetail } from "@/lib/appointments/get-appointment";
import { reverifyAppointment } from "@/lib/calcom/sync/reverify";
import { retrySync } from "@/lib/calcom/sync/retry-sync";
import { formatTimeDe } from "@/lib/time/format-de";
import { isoWithOffset } from "@/lib/time/zoned";
import { whenSpoken } from "@/lib/voice/speech";

const appointmentId = z.coerce.number().int().positive();
const refresh = (id: number) => {
  revalidatePath(`/appointments/${id}`);
  revalidatePath("/appointments");
  revalidatePath("/sync");
};

/** "Sync erneut prüfen": ask Cal.com which phase bookings exist and repair the statuses. */
export async function reverifyAction(rawId: number): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    const id = appointmentId.parse(rawId);
    const result = await reverifyAppointment({ ctx, input: { appointmentId: id } });
    refresh(id);
    if (result.status === "synced") return { ok: true, message: `Alle ${result.total} Segmente in Cal.com gefunden – der Termin ist synchronisiert.` };
    return { ok: false, message: `${result.found} von ${result.total} Segmenten in Cal.com gefunden. Mit „Erneut synchronisieren“ werden die fehlenden angelegt.` };
  } catch (error) {
    return actionError(error);
  }
}

export async function retrySyncAction(rawId: number): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    const id = appointmentId.parse(rawId);
    await retrySync({ ctx, input: { appointmentId: id } });
    refresh(id);
    return { ok: true, message: "Synchronisierung angestoßen. Der Status aktualisiert sich in wenigen Sekunden." };
  } catch (error) {
    return actionError(error);
  }
}

export async function cancelAction(rawId: number): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    const id = appointmentId.parse(rawId);
    const result = await cancelAppointment({ ctx: { ...ctx }, input: { appointmentId: id } });
    refresh(id);
    return { ok: true, message: result.alreadyCancelled ? "Der Termin war bereits storniert." : "Termin storniert. Die Cal.com-Buchungen werden gerade storniert." };
  } catch (error) {
    return actionError(error);
  }
}

const rescheduleInput = z.object({
  start: z.string().datetime({ offset: true, message: "Bitte einen freien Termin auswählen." }),
  staffId: z.string().uuid().optional().or(z.literal("").transform(() => undefined)),
});

export async function rescheduleAction(rawId: number, _previous: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    const id = appointmentId.parse(rawId);
    const parsed = rescheduleInput.safeParse({ start: formData.get("start") ?? "", staffId: formData.get("staffId") ?? "" });
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Ungültige Eingabe." };
    const moved = await rescheduleAppointment({ ctx, input: { appointmentId: id, start: new Date(parsed.data.start), staffId: parsed.data.staffId } });
    refresh(id);
    return { ok: true, message: `Termin verschoben auf ${whenSpoken(moved.start, ctx.company.timeZone, new Date())}. Cal.com wird aktualisiert.` };
  } catch (error) {
    return actionError(error);
  }
}

export type StartOption = { value: string; label: string; staffId: string };

/** The starts the appointment could move to on a day (its own current time does not block). */
export async function bookableStartsAction(rawId: number, date: string): Promise<{ ok: boolean; options: StartOption[]; message?: string }> {
  try {
    const ctx = await requireAdminAction();
    const id = appointmentId.parse(rawId);
    const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).parse(date);
    const { appointment } = await getAppointmentDetail({ ctx, input: { id } });
    const { candidates } = await findAvailability({ ctx, input: { serviceId: appointment.serviceId, from: day, ignoreAppointmentId: id } });
    const tz = ctx.company.timeZone;
    const mine = candidates.filter((c) => c.staffId === appointment.staffId);
    const others = candidates.filter((c) => c.staffId !== appointment.staffId && !mine.some((m) => m.start.getTime() === c.start.getTime()));
    const options = [...mine, ...others]
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .map((c) => ({ value: isoWithOffset(c.start, tz), staffId: c.staffId, label: `${formatTimeDe(c.start, tz)} Uhr · ${c.staffName}` }));
    return { ok: true, options, message: options.length ? undefined : "An diesem Tag ist nichts mehr frei." };
  } catch (error) {
    const state = actionError(error);
    return { ok: false, options: [], message: state?.message };
  }
}
