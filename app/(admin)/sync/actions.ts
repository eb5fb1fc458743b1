"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/admin-action";
import { retryMany, reverifyMany } from "@/lib/calcom/sync/bulk";
import { retrySync } from "@/lib/calcom/sync/retry-sync";
import { reverifyAppointment } from "@/lib/calcom/sync/reverify";

const id = z.coerce.number<number>().int().positive();
const ids = z.array(z.number());
const refresh = () => {
  revalidatePath("/sync");
  revalidatePath("/appointments");
};

export const reverifyOneAction = adminAction(z.tuple([id]), async ({ ctx, input: [appointmentId] }) => {
  const result = await reverifyAppointment({ ctx, input: { appointmentId } });
  refresh();
  if (result.status === "synced") {
    return { ok: true, message: `Alle ${result.total} Segmente in Cal.com gefunden – erledigt.` };
  }
  const missing = "„Erneut synchronisieren“ legt die fehlenden an.";
  return { ok: false, message: `${result.found} von ${result.total} Segmenten in Cal.com gefunden. ${missing}` };
});

export const retryOneAction = adminAction(z.tuple([id]), async ({ ctx, input: [appointmentId] }) => {
  await retrySync({ ctx, input: { appointmentId } });
  refresh();
  return { ok: true, message: "Synchronisierung angestoßen." };
});

export const bulkReverifyAction = adminAction(z.tuple([ids]), async ({ ctx, input: [appointmentIds] }) => {
  const n = await reverifyMany({ ctx, input: { appointmentIds } });
  refresh();
  return { ok: true, message: `${n} Termine werden im Hintergrund geprüft. Die Liste aktualisiert sich gleich.` };
});

export const bulkRetryAction = adminAction(z.tuple([ids]), async ({ ctx, input: [appointmentIds] }) => {
  const n = await retryMany({ ctx, input: { appointmentIds } });
  refresh();
  return { ok: true, message: `${n} Termine werden erneut synchronisiert.` };
});
