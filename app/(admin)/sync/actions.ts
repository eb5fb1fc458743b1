"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions";
import { clearReview, reverifyMany, retrySync, reverifyAppointment, syncCause } from "@/lib/calcom/sync";
import { countDe } from "@/lib/time";

// Re-verify and retry for the Sync-Monitor's rows and selection and for the appointment page alike.
const appointmentIds = z.array(z.coerce.number<number>().int().positive());
const refresh = (ids: number[]) => {
  for (const id of ids) revalidatePath(`/appointments/${id}`);
  revalidatePath("/appointments");
  revalidatePath("/sync");
  revalidatePath("/");
};

type Reverified = Awaited<ReturnType<typeof reverifyAppointment>>;

/** The answer after the check, from the state it left behind: a known cause keeps its own advice. */
function reverifyMessage(r: Reverified): { ok: boolean; message: string } {
  const segments = countDe(r.total, "Segment", "Segmenten");
  if (r.cancelled) {
    return r.status === "synced"
      ? { ok: true, message: "Der Termin ist storniert und in Cal.com ist keine Buchung mehr aktiv." }
      : {
          ok: false,
          message: `${countDe(r.total - r.found, "Buchung ist", "Buchungen sind")} des stornierten Termins in Cal.com noch aktiv. „Erneut synchronisieren“ storniert sie.`,
        };
  }
  if (r.status === "synced") {
    const all = r.total === 1 ? "Das Segment" : `Alle ${r.total} Segmente`;
    return { ok: true, message: `${all} in Cal.com gefunden – der Termin ist synchronisiert.` };
  }
  const found = `${r.found} von ${segments} in Cal.com gefunden.`;
  const cause = syncCause(r.errorCode);
  if (cause.key !== "missing") return { ok: false, message: `${found} Ursache: ${cause.label}. ${cause.todo}` };
  const advice =
    r.errorCode === "calcom_stale"
      ? "„Erneut synchronisieren“ verschiebt sie auf die richtige Zeit."
      : "„Erneut synchronisieren“ legt die fehlenden an.";
  return { ok: false, message: `${found} ${advice}` };
}

/**
 * "Sync erneut prüfen": one appointment is checked against Cal.com at once and answered in detail;
 * several go to the background, so the page does not wait for every one's Cal.com round trips.
 */
export const reverifyAction = adminAction(z.tuple([appointmentIds]), async ({ ctx, input: [ids] }) => {
  if (ids.length !== 1) {
    const n = await reverifyMany({ ctx, input: { appointmentIds: ids } });
    refresh(ids);
    return {
      ok: true,
      message: `${countDe(n, "Termin wird", "Termine werden")} im Hintergrund geprüft. Die Liste aktualisiert sich gleich.`,
    };
  }
  const result = await reverifyAppointment({ ctx, input: { appointmentId: ids[0]! } });
  refresh(ids);
  return reverifyMessage(result);
});

/**
 * "Erneut synchronisieren": sync jobs queued; the appointment shows "Ausstehend" until Cal.com answered,
 * so the message promises nothing about the outcome.
 */
export const retrySyncAction = adminAction(z.tuple([appointmentIds]), async ({ ctx, input: [ids] }) => {
  const n = await retrySync({ ctx, input: { appointmentIds: ids } });
  refresh(ids);
  const message =
    n === 1
      ? "Wird erneut synchronisiert. Das Ergebnis erscheint in wenigen Sekunden beim Status."
      : `${n} Termine werden erneut synchronisiert. Die Ergebnisse erscheinen in wenigen Sekunden.`;
  return { ok: true, message };
});

const reason = z.string().trim().min(3, "Bitte kurz begründen, warum der Termin nicht mehr geprüft werden muss.");

/** "Als erledigt markieren": off the Prüfliste, with the reason in the appointment's history. */
export const clearReviewAction = adminAction(
  z.tuple([z.coerce.number<number>().int().positive(), reason]),
  async ({ ctx, input: [appointmentId, why] }) => {
    const { cleared } = await clearReview({ ctx, input: { appointmentId, reason: why } });
    refresh([appointmentId]);
    return cleared
      ? { ok: true, message: "Aus der Prüfliste genommen. Die Begründung steht im Verlauf des Termins." }
      : { ok: true, message: "Der Termin stand schon nicht mehr auf der Prüfliste." };
  },
);
