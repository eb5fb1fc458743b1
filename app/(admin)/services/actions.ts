"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, actionError } from "@/lib/actions/action-state";
import { requireAdminAction } from "@/lib/auth/session";
import { createService } from "@/lib/services/create-service";
import { type ProvisionStep, previewProvisioning } from "@/lib/services/preview-provisioning";
import { provisionEventTypes } from "@/lib/services/provision-event-types";
import { type ServiceFormState, serviceFormError, serviceFromForm } from "./form-data";

export async function createServiceAction(formData: FormData): Promise<ServiceFormState> {
  try {
    const ctx = await requireAdminAction();
    const created = await createService({ ctx, input: serviceFromForm(formData) });
    revalidatePath("/services");
    return { ok: true, message: `Service „${created.name}“ angelegt.`, id: created.id };
  } catch (error) {
    return serviceFormError(error);
  }
}

export type PlanState = { ok: boolean; message: string; steps: ProvisionStep[]; sessionExpired?: boolean };

const count = (steps: ProvisionStep[], action: ProvisionStep["action"]) => steps.filter((s) => s.action === action).length;

/** "Provisionierung prüfen (Trockenlauf)": the plan only — neither Cal.com nor the database changes. */
export async function planProvisioningAction(): Promise<PlanState> {
  try {
    const ctx = await requireAdminAction();
    const steps = await previewProvisioning({ ctx });
    if (steps.length === 0) return { ok: true, message: "Alles in Ordnung: Jedes Segment hat einen buchbaren Ereignistyp. Es gibt nichts anzulegen.", steps };
    const summary = `${count(steps, "create")} anlegen, ${count(steps, "reuse")} wiederverwenden, ${count(steps, "skip")} überspringen`;
    return { ok: true, message: `Trockenlauf: ${summary}. Es wurde nichts geändert.`, steps };
  } catch (error) {
    const state = actionError(error);
    return { ok: false, message: state?.message ?? "Das hat nicht geklappt.", steps: [], sessionExpired: state?.sessionExpired };
  }
}

/** "Ereignistypen jetzt anlegen": plans again and applies, then the health tables show the result. */
export async function applyProvisioningAction(): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    const result = await provisionEventTypes({ ctx });
    revalidatePath("/services", "layout");
    return { ok: true, message: `${result.created} angelegt, ${result.reused} wiederverwendet, ${result.skipped} übersprungen.` };
  } catch (error) {
    return actionError(error);
  }
}
