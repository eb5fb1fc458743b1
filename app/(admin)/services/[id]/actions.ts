"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, form } from "@/lib/actions";
import { deleteService, setServiceActive, updateService } from "@/lib/catalog";
import { type ServiceFormState, serviceFormError, serviceFromForm } from "../form-data";

const serviceId = z.coerce.number<number>().int().positive();
const refresh = (id: number) => {
  revalidatePath(`/services/${id}`);
  revalidatePath("/services");
};

export const updateServiceAction = adminAction(
  z.tuple([serviceId, form(serviceFromForm)]),
  async ({ ctx, input: [id, service] }): Promise<ServiceFormState> => {
    const saved = await updateService({ ctx, input: { id, service } });
    refresh(id);
    const message = `„${saved.name}“ gespeichert. Bestehende Termine behalten ihre bisherigen Segmente.`;
    return { ok: true, message, id };
  },
  serviceFormError,
);

export const setServiceActiveAction = adminAction(
  z.tuple([serviceId, z.boolean()]),
  async ({ ctx, input: [id, active] }) => {
    const saved = await setServiceActive({ ctx, input: { id, active } });
    refresh(id);
    const message = saved.active
      ? `„${saved.name}“ ist wieder aktiv und buchbar.`
      : `„${saved.name}“ ist deaktiviert: Der Telefonassistent bietet ihn nicht mehr an, bestehende Termine bleiben.`;
    return { ok: true, message };
  },
);

export const deleteServiceAction = adminAction(z.tuple([serviceId]), async ({ ctx, input: [id] }) => {
  const deleted = await deleteService({ ctx, input: { id } });
  revalidatePath("/services");
  return { ok: true, message: `„${deleted.name}“ gelöscht.` };
});
