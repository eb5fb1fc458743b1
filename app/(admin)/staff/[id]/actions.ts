"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, form } from "@/lib/actions";
import {
  type AffectedAppointment,
  addAbsence,
  deleteAbsence,
  setStaffActive,
  setStaffServices,
  setWorkingHours,
  updateStaff,
} from "@/lib/staff";
import { formatDateTimeDe } from "@/lib/time";
import {
  absenceFromForm,
  hoursFromForm,
  profileFromForm,
  serviceIdsFromForm,
  staffFormError,
  type StaffFormState,
} from "../form-data";

/** The verbs check the id belongs to the company; here it only has to be a string. */
const staffId = z.string();
const refresh = (id: string) => {
  revalidatePath(`/staff/${id}`);
  revalidatePath("/staff");
};

export const updateProfileAction = adminAction(
  z.tuple([staffId, form(profileFromForm)]),
  async ({ ctx, input: [id, profile] }): Promise<StaffFormState> => {
    const saved = await updateStaff({ ctx, input: { id, profile } });
    refresh(id);
    return { ok: true, message: `Stammdaten von „${saved.name}“ gespeichert.` };
  },
  staffFormError,
);

export const setServicesAction = adminAction(
  z.tuple([staffId, form(serviceIdsFromForm)]),
  async ({ ctx, input: [id, serviceIds] }): Promise<StaffFormState> => {
    const saved = await setStaffServices({ ctx, input: { staffId: id, serviceIds } });
    refresh(id);
    return { ok: true, message: `Leistungen gespeichert: ${saved.name} bietet ${saved.services} Leistungen an.` };
  },
  staffFormError,
);

export const setHoursAction = adminAction(
  z.tuple([staffId, form(hoursFromForm)]),
  async ({ ctx, input: [id, hours] }): Promise<StaffFormState> => {
    const saved = await setWorkingHours({ ctx, input: { staffId: id, hours } });
    refresh(id);
    return { ok: true, message: `Arbeitszeiten von ${saved.name} gespeichert (${saved.ranges} Zeiträume pro Woche).` };
  },
  staffFormError,
);

export const setActiveAction = adminAction(
  z.tuple([staffId, z.boolean()]),
  async ({ ctx, input: [id, active] }): Promise<StaffFormState> => {
    const saved = await setStaffActive({ ctx, input: { staffId: id, active } });
    refresh(id);
    const message = saved.active
      ? `${saved.name} ist wieder aktiv und wird angeboten.`
      : `${saved.name} ist deaktiviert: Der Telefonassistent bietet sie nicht mehr an, bestehende Termine bleiben.`;
    return { ok: true, message };
  },
  staffFormError,
);

/** First submit lists covered appointments without saving; the confirm submit saves and flags them. */
export const addAbsenceAction = adminAction(
  z.tuple([staffId, z.instanceof(FormData)]),
  async ({ ctx, input: [id, data] }): Promise<StaffFormState> => {
    const result = await addAbsence({ ctx, input: absenceFromForm(id, data) });
    const list = (items: AffectedAppointment[]) =>
      items.map((a) => ({
        id: a.id,
        when: formatDateTimeDe(a.startsAt, ctx.company.timeZone),
        customer: a.customerName,
        service: a.serviceName,
      }));
    if (!result.saved) {
      const n = result.affected.length;
      const what = n === 1 ? "einen gebuchten Termin" : `${n} gebuchte Termine`;
      const message = `Noch nicht gespeichert: Die Abwesenheit betrifft ${what}. Es wird nichts abgesagt – beim Speichern werden sie zum Anrufen markiert.`;
      return { ok: false, needsConfirm: true, message, affected: list(result.affected) };
    }
    refresh(id);
    revalidatePath("/appointments");
    const marked = result.affected.length;
    const message = marked
      ? `Abwesenheit gespeichert. ${marked} Termine sind markiert: „${result.followUpReason}“.`
      : "Abwesenheit gespeichert.";
    return { ok: true, message, affected: list(result.affected) };
  },
  staffFormError,
);

export const deleteAbsenceAction = adminAction(
  z.tuple([z.coerce.number<number>().int().positive()]),
  async ({ ctx, input: [id] }): Promise<StaffFormState> => {
    const deleted = await deleteAbsence({ ctx, input: { id } });
    refresh(deleted.staffId);
    return { ok: true, message: "Abwesenheit gelöscht." };
  },
  staffFormError,
);
