"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { findAvailability, cancelAppointment, rescheduleAppointment } from "@/lib/booking";
import { adminAction, form, actionError, text } from "@/lib/actions";
import { APPOINTMENT_OUTCOMES, getAppointmentDetail, setAppointmentStatus } from "@/lib/appointments";
import { formatTimeDe, isoWithOffset } from "@/lib/time";
import { staffLabels } from "@/lib/staff";
import { whenSpoken } from "@/lib/voice";

const appointmentId = z.coerce.number<number>().int().positive();
const refresh = (id: number) => {
  revalidatePath(`/appointments/${id}`);
  revalidatePath("/appointments");
  revalidatePath("/sync");
};

const cancelNote = z.string().trim().max(500, "Die Notiz darf höchstens 500 Zeichen lang sein.").optional();

export const cancelAction = adminAction(z.tuple([appointmentId, cancelNote]), async ({ ctx, input: [id, note] }) => {
  const result = await cancelAppointment({ ctx, input: { appointmentId: id, note } });
  refresh(id);
  const message = result.alreadyCancelled
    ? "Der Termin war bereits storniert."
    : "Termin storniert. Die Cal.com-Buchungen werden gerade storniert.";
  return { ok: true, message };
});

const rescheduleInput = z.object({
  start: z.string().datetime({ offset: true, message: "Bitte einen freien Termin auswählen." }),
  staffId: z
    .string()
    .uuid()
    .or(z.literal("").transform(() => undefined)),
});
const rescheduleForm = form((data) => ({ start: text(data, "start"), staffId: text(data, "staffId") })).pipe(
  rescheduleInput,
);

/** Called by useActionState, hence the previous state it ignores. */
export const rescheduleAction = adminAction(
  z.tuple([appointmentId, z.unknown(), rescheduleForm]),
  async ({ ctx, input: [id, , move] }) => {
    const moved = await rescheduleAppointment({
      ctx,
      input: { appointmentId: id, start: new Date(move.start), staffId: move.staffId },
    });
    refresh(id);
    const when = whenSpoken(moved.start, ctx.company.timeZone, new Date());
    return { ok: true, message: `Termin verschoben auf ${when}. Cal.com wird aktualisiert.` };
  },
);

export type StartOption = { value: string; label: string; staffId: string };
type StartsState = { ok: boolean; options: StartOption[]; message?: string };
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The starts the appointment could move to on a day (its own current time does not block). */
export const bookableStartsAction = adminAction(
  z.tuple([appointmentId, day]),
  async ({ ctx, input: [id, from] }): Promise<StartsState> => {
    const { appointment } = await getAppointmentDetail({ ctx, input: { id } });
    const { serviceId, staffId } = appointment;
    const [{ candidates }, names] = await Promise.all([
      findAvailability({ ctx, input: { serviceId, from, ignoreAppointmentId: id } }),
      staffLabels({ ctx }),
    ]);
    const tz = ctx.company.timeZone;
    const label = (c: (typeof candidates)[number]) =>
      `${formatTimeDe(c.start, tz)} Uhr · ${names.get(c.staffId) ?? c.staffName}`;
    const mine = candidates.filter((c) => c.staffId === staffId);
    const sameStart = (c: (typeof candidates)[number]) => mine.some((m) => m.start.getTime() === c.start.getTime());
    const others = candidates.filter((c) => c.staffId !== staffId && !sameStart(c));
    const options = [...mine, ...others]
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .map((c) => ({ value: isoWithOffset(c.start, tz), staffId: c.staffId, label: label(c) }));
    return { ok: true, options, message: options.length ? undefined : "An diesem Tag ist nichts mehr frei." };
  },
  (error): StartsState => ({ ok: false, options: [], message: actionError(error).message }),
);

const STATUS_DONE: Record<(typeof APPOINTMENT_OUTCOMES)[number], string> = {
  completed: "Als „Erschienen“ markiert.",
  no_show: "Als „Nicht erschienen“ markiert.",
  confirmed: "Status wieder auf „Offen“ gesetzt.",
};

/** "Erschienen" / "Nicht erschienen" / "Offen" for an appointment that has started. */
export const setStatusAction = adminAction(
  z.tuple([appointmentId, z.enum(APPOINTMENT_OUTCOMES, { error: "Unbekannter Status." })]),
  async ({ ctx, input: [id, status] }) => {
    const result = await setAppointmentStatus({ ctx, input: { appointmentId: id, status } });
    refresh(id);
    return { ok: true, message: result.changed ? STATUS_DONE[status] : "Der Status war bereits so gesetzt." };
  },
);
