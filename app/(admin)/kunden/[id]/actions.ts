"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionError, adminAction, checked, form, text } from "@/lib/actions";
import { eraseCustomer, mergeCustomers, updateCustomer } from "@/lib/customers";
import { isAppError } from "@/lib/errors";

/** What the customer forms get back: a German summary and every problem as a line. */
export type CustomerFormState = { ok: boolean; message: string; errors?: string[]; sessionExpired?: boolean } | null;

function customerFormError(error: unknown): CustomerFormState {
  if (isAppError(error) && error.code === "VALIDATION") {
    const issues = (error.details?.issues ?? []) as { message: string }[];
    const errors = [...new Set(issues.map((i) => i.message))];
    if (errors.length > 1) return { ok: false, message: "Bitte prüfen Sie die Eingaben.", errors };
    return { ok: false, message: errors[0] ?? error.message };
  }
  return actionError(error);
}

/** The verbs check the id belongs to the salon; here it only has to be a number. */
const id = z.coerce.number<number>().int().positive();
const refresh = (...ids: number[]) => {
  for (const one of ids) revalidatePath(`/kunden/${one}`);
  revalidatePath("/kunden");
};

export const updateCustomerAction = adminAction(
  z.tuple([
    id,
    form((f) => ({ name: text(f, "name"), phone: text(f, "phone"), email: text(f, "email"), notes: text(f, "notes") })),
  ]),
  async ({ ctx, input: [customerId, contact] }): Promise<CustomerFormState> => {
    const saved = await updateCustomer({ ctx, input: { id: customerId, ...contact } });
    refresh(customerId);
    return { ok: true, message: `Kontaktdaten von „${saved.name}“ gespeichert.` };
  },
  customerFormError,
);

const mergeForm = form((f) => ({ duplicateId: text(f, "duplicateId"), confirmed: checked(f, "confirmed") })).pipe(
  z.object({
    duplicateId: z.string().min(1, "Bitte den anderen Eintrag auswählen."),
    confirmed: z.literal(true, { error: "Bitte bestätigen Sie das Zusammenführen." }),
  }),
);

export const mergeCustomerAction = adminAction(
  z.tuple([id, mergeForm]),
  async ({ ctx, input: [survivorId, { duplicateId }] }): Promise<CustomerFormState> => {
    const merged = await mergeCustomers({ ctx, input: { survivorId, duplicateId } });
    refresh(survivorId, Number(duplicateId));
    revalidatePath("/appointments");
    revalidatePath("/calls");
    const { appointments, calls } = merged.moved;
    return {
      ok: true,
      message: `„${merged.duplicateName}“ ist jetzt Teil dieses Eintrags: ${appointments} Termine und ${calls} Anrufe übernommen.`,
    };
  },
  customerFormError,
);

const eraseForm = form((f) => ({ confirmed: checked(f, "confirmed") })).pipe(
  z.object({ confirmed: z.literal(true, { error: "Bitte bestätigen Sie die endgültige Löschung." }) }),
);

export const eraseCustomerAction = adminAction(
  z.tuple([id, eraseForm]),
  async ({ ctx, input: [customerId] }): Promise<CustomerFormState> => {
    const erased = await eraseCustomer({ ctx, input: { id: customerId } });
    refresh(customerId);
    revalidatePath("/appointments");
    revalidatePath("/calls");
    const n = erased.calcom.length;
    const calcom = n
      ? ` Cal.com hält noch ${n === 1 ? "eine Buchung" : `${n} Buchungen`} – die Liste steht unten.`
      : " In Cal.com ist nichts mehr zu löschen.";
    return { ok: true, message: `Die Kundendaten wurden gelöscht.${calcom}` };
  },
  customerFormError,
);
