"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, actionError } from "@/lib/actions/action-state";
import { requireAdminAction } from "@/lib/auth/session";
import { mergeStaff, previewStaffMerge, type MergePreview } from "@/lib/staff/merge-staff";
import { formatDateTimeDe } from "@/lib/time/format-de";

export type PreviewState = { ok: true; preview: MergePreview; conflicts: string[] } | { ok: false; message: string };

/** What merging would move, and any overlaps that forbid it. Writes nothing. */
export async function previewMergeAction(survivorId: string, duplicateId: string): Promise<PreviewState> {
  try {
    const ctx = await requireAdminAction();
    const preview = await previewStaffMerge({ ctx, input: { survivorId, duplicateId } });
    const tz = ctx.company.timeZone;
    return { ok: true, preview, conflicts: preview.conflicts.map((c) => `Termin #${c.duplicateAppointmentId} am ${formatDateTimeDe(c.start, tz)} überschneidet sich mit Termin #${c.survivorAppointmentId ?? "?"}`) };
  } catch (error) {
    return { ok: false, message: actionError(error)?.message ?? "Fehler" };
  }
}

export async function mergeAction(survivorId: string, duplicateId: string): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    const result = await mergeStaff({ ctx, input: { survivorId, duplicateId } });
    revalidatePath("/staff");
    revalidatePath("/appointments");
    return { ok: true, message: `Zusammengeführt: ${result.moves.appointments} Termine, ${result.moves.eventMaps} Cal.com-Zuordnungen und ${result.moves.workingHours} Arbeitstage gehören jetzt zu ${result.survivor.name}.` };
  } catch (error) {
    return actionError(error);
  }
}
