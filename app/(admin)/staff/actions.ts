"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, actionError, form } from "@/lib/actions";
import { createStaff, mergeStaff, previewStaffMerge, type MergePreview } from "@/lib/staff";
import { formatDateTimeDe } from "@/lib/time";
import { createFromForm, staffFormError, type StaffFormState } from "./form-data";

export type PreviewState = { ok: true; preview: MergePreview; conflicts: string[] } | { ok: false; message: string };

/** Survivor and duplicate staff ids; the verbs check that both belong to the company. */
const pair = z.tuple([z.string(), z.string()]);

/** What merging would move, and any overlaps that forbid it. Writes nothing. */
export const previewMergeAction = adminAction(
  pair,
  async ({ ctx, input: [survivorId, duplicateId] }): Promise<PreviewState> => {
    const preview = await previewStaffMerge({ ctx, input: { survivorId, duplicateId } });
    const when = (start: Date) => formatDateTimeDe(start, ctx.company.timeZone);
    const conflicts = preview.conflicts.map((c) => {
      const other = `Termin #${c.survivorAppointmentId ?? "?"}`;
      return `Termin #${c.duplicateAppointmentId} am ${when(c.start)} überschneidet sich mit ${other}`;
    });
    return { ok: true, preview, conflicts };
  },
  (error): PreviewState => ({ ok: false, message: actionError(error).message }),
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
