"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState, actionError } from "@/lib/actions/action-state";
import { requireAdminAction } from "@/lib/auth/session";
import { deleteService } from "@/lib/catalog/delete-service";
import { setServiceActive } from "@/lib/catalog/set-service-active";
import { updateService } from "@/lib/catalog/update-service";
import { type ServiceFormState, serviceFormError, serviceFromForm } from "../form-data";

const serviceId = z.coerce.number().int().positive();
const refresh = (id: number) => {
  revalidatePath(`/services/${id}`);
  revalidatePath("/services");
};

export async function updateServiceAction(rawId: number, formData: FormData): Promise<ServiceFormState> {
  try {
    const ctx = await requireAdminAction();
    const id = serviceId.parse(rawId);
    const saved = await updateService({ ctx, input: { id, service: serviceFromForm(formData) } });
    refresh(id);
    return { ok: true, message: `„${saved.name}“ gespeichert. Bestehende Termine behalten ihre bisherigen Segmente.`, id };
  } catch (error) {
    return serviceFormError(error);
  }
}

export async function setServiceActiveAction(rawId: number, active: boolean): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    const id = serviceId.parse(rawId);
    const saved = await setServiceActive({ ctx, input: { id, active: z.boolean().parse(active) } });
    refresh(id);
    return {
      ok: true,
      message: saved.active ? `„${saved.name}“ ist wieder aktiv und buchbar.` : `„${saved.name}“ ist deaktiviert: Der Telefonassistent bietet ihn nicht mehr an, bestehende Termine bleiben.`,
    };
  } catch (error) {
    return actionError(error);
  }
}

export async function deleteServiceAction(rawId: number): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    const id = serviceId.parse(rawId);
    const deleted = await deleteService({ ctx, input: { id } });
    revalidatePath("/services");
    return { ok: true, message: `„${deleted.name}“ gelöscht.` };
  } catch (error) {
    return actionError(error);
  }
}
