"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions";
import { reverifyMany, retrySync, reverifyAppointment } from "@/lib/calcom/sync";

// Re-verify and retry for the Sync-Monitor's rows and selection and for the appointment page alike.
const appointmentIds = z.array(z.coerce.number<number>().int().positive());
const refresh = (ids: number[]) => {
  for (const id of ids) revalidatePath(`/appointments/${id}`);
  revalidatePath("/appointments");
  revalidatePath("/sync");
};

/**
 * "Sync erneut prüfen": one appointment is checked against Cal.com at once and answered in detail;
 * several go to the background, so the page does not wait for every one's Cal.com round trips.
 */
export const reverifyAction = adminAction(z.tuple([appointmentIds]), async ({ ctx, input: [ids] }) => {
  if (ids.length !== 1) {
    const n = await reverifyMany({ ctx, input: { appointmentIds: ids } });
    refresh(ids);
    return { ok: true, message: `${n} Termine werden im Hintergrund geprüft. Die Liste aktualisiert sich gleich.` };
  }
  const result = await reverifyAppointment({ ctx, input: { appointmentId: ids[0]! } });
  refresh(ids);
  if (result.status === "synced") {
    return { ok: true, message: `Alle ${result.total} Segmente in Cal.com gefunden – der Termin ist synchronisiert.` };
  }
  const advice = "„Erneut synchronisieren“ legt die fehlenden an.";
  return { ok: false, message: `${result.found} von ${result.total} Segmenten in Cal.com gefunden. ${advice}` };
});

/** "Erneut synchronisieren": review flags cleared, sync jobs queued; the statuses follow within seconds. */
export const retrySyncAction = adminAction(z.tuple([appointmentIds]), async ({ ctx, input: [ids] }) => {
  const n = await retrySync({ ctx, input: { appointmentIds: ids } });
  refresh(ids);
  const message =
    n === 1
      ? "Synchronisierung angestoßen. Der Status aktualisiert sich in wenigen Sekunden."
      : `${n} Termine werden erneut synchronisiert.`;
  return { ok: true, message };
});
