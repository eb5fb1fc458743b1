"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, actionError, form } from "@/lib/actions";
import { cancelAppointment, reassignAppointment, reassignOptions } from "@/lib/booking";
import { createStaff, mergeStaff, previewStaffMerge, staffLabels, type MergePreview } from "@/lib/staff";
import { formatDateTimeDe, formatTimeDe } from "@/lib/time";
import { createFromForm, staffFormError, type StaffFormState } from "./form-data";

/** One appointment of an overlapping pair, as the merge panel shows it, with who could take it instead. */
export type ConflictAppointmentView = {
  id: number;
  when: string;
  staffLabel: string;
  serviceName: string;
  customerName: string;
  options: { staffId: string; label: string }[];
};
export type ConflictView = { key: string; appointments: ConflictAppointmentView[] };

export type PreviewState =
  { ok: true; preview: MergePreview; conflicts: ConflictView[] } | { ok: false; message: string };

/** Survivor and duplicate staff ids; the verbs check that both belong to the company. */
const pair = z.tuple([z.string(), z.string()]);

/** What merging would move, and any overlaps that forbid it (each with who could take it instead). Writes nothing. */
export const previewMergeAction = adminAction(
  pair,
  async ({ ctx, input: [survivorId, duplicateId] }): Promise<PreviewState> => {
    const [preview, labels] = await Promise.all([
      previewStaffMerge({ ctx, input: { survivorId, duplicateId } }),
      staffLabels({ ctx }),
    ]);
    const tz = ctx.company.timeZone;
    const options = new Map<number, { staffId: string; label: string }[]>();
    const ids = [...new Set(preview.conflicts.flatMap((c) => c.appointments.map((a) => a.id)))];
    for (const id of ids) {
      const free = await reassignOptions({
        ctx,
        input: { appointmentId: id, excludeStaffIds: [survivorId, duplicateId] },
      });
      options.set(
        id,
        free.map((o) => ({ staffId: o.staffId, label: labels.get(o.staffId) ?? o.name })),
      );
    }
    const conflicts = preview.conflicts.map((c) => ({
      key: `${c.duplicateAppointmentId}-${c.survivorAppointmentId ?? "hold"}`,
      appointments: c.appointments.map((a) => ({
        id: a.id,
        when: `${formatDateTimeDe(a.start, tz)}–${formatTimeDe(a.end, tz)}`,
        staffLabel: labels.get(a.staffId) ?? "",
        serviceName: a.serviceName,
        customerName: a.customerName,
        options: options.get(a.id) ?? [],
      })),
    }));
    return { ok: true, preview, conflicts };
  },
  (error): PreviewState => ({ ok: false, message: actionError(error).message }),
);

/** Gives one appointment of an overlapping pair to another stylist at the same time (Cal.com follows). */
export const reassignConflictAction = adminAction(
  z.tuple([z.number().int().positive(), z.string().uuid("Bitte eine Mitarbeiterin wählen.")]),
  async ({ ctx, input: [appointmentId, toStaffId] }) => {
    const moved = await reassignAppointment({ ctx, input: { appointmentId, staffId: toStaffId } });
    revalidatePath("/staff");
    revalidatePath(`/appointments/${appointmentId}`);
    return { ok: true, message: `Termin #${appointmentId} gehört jetzt ${moved.staffName}.` };
  },
);

/** Cancels one appointment of an overlapping pair with a note for the history (Cal.com follows). */
export const cancelConflictAction = adminAction(
  z.tuple([
    z.number().int().positive(),
    z.string().trim().min(1, "Bitte kurz notieren, warum der Termin abgesagt wird.").max(500),
  ]),
  async ({ ctx, input: [appointmentId, note] }) => {
    await cancelAppointment({ ctx, input: { appointmentId, note } });
    revalidatePath("/staff");
    revalidatePath(`/appointments/${appointmentId}`);
    return { ok: true, message: `Termin #${appointmentId} ist abgesagt.` };
  },
);

export const mergeAction = adminAction(pair, async ({ ctx, input: [survivorId, duplicateId] }) => {
  const { moves, survivor } = await mergeStaff({ ctx, input: { survivorId, duplicateId } });
  revalidatePath("/staff");
  revalidatePath("/appointments");
  const maps = `${moves.eventMaps} Cal.com-Zuordnungen`;
  const moved = `${moves.appointments} Termine, ${maps} und ${moves.workingHours} Arbeitstage`;
  return { ok: true, message: `Zusammengeführt: ${moved} gehören jetzt zu ${survivor.name}.` };
});

/** "Neue Mitarbeiterin": profile, services and hours in one go; the voice agent offers her from the next call on. */
export const createStaffAction = adminAction(
  z.tuple([form(createFromForm)]),
  async ({ ctx, input: [data] }): Promise<StaffFormState> => {
    const created = await createStaff({ ctx, input: data });
    revalidatePath("/staff");
    return { ok: true, message: `„${created.name}“ angelegt.`, id: created.id };
  },
  staffFormError,
);
