"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState, actionError } from "@/lib/actions/action-state";
import { requireAdminAction } from "@/lib/auth/session";
import { retryMany, reverifyMany } from "@/lib/calcom/sync/bulk";
import { retrySync } from "@/lib/calcom/sync/retry-sync";
import { reverifyAppointment } from "@/lib/calcom/sync/reverify";

const id = z.coerce.number().int().positive();
const refresh = () => {
  revalidatePath("/sync");
  revalidatePath("/appointments");
};

export async function reverifyOneAction(rawId: number): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    const result = await reverifyAppointment({ ctx, input: { appointmentId: id.parse(rawId) } });
    refresh();
    return result.status === "synced"
      ? { ok: true, message: `Alle ${result.total} Segmente in Cal.com gefunden – erledigt.` }
      : { ok: false, message: `${result.found} von ${result.total} Segmenten in Cal.com gefunden. „Erneut synchronisieren“ legt die fehlenden an.` };
  } catch (error) {
    return actionError(error);
  }
}

export async function retryOneAction(rawId: number): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    await retrySync({ ctx, input: { appointmentId: id.parse(rawId) } });
    refresh();
    return { ok: true, message: "Synchronisierung angestoßen." };
  } catch (error) {
    return actionError(error);
  }
}

export async function bulkReverifyAction(ids: number[]): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    const n = await reverifyMany({ ctx, input: { appointmentIds: ids } });
    refresh();
    return { ok: true, message: `${n} Termine werden im Hintergrund geprüft. Die Liste aktualisiert sich gleich.` };
  } catch (error) {
    return actionError(error);
  }
}

export async function bulkRetryAction(ids: number[]): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    const n = await retryMany({ ctx, input: { appointmentIds: ids } });
    refresh();
    return { ok: true, message: `${n} Termine werden erneut synchronisiert.` };
  } catch (error) {
    return actionError(error);
  }
}
