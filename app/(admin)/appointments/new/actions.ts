"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionError, adminAction } from "@/lib/actions";
import { bookAppointment } from "@/lib/booking";
import { isAppError } from "@/lib/errors";
import { type NewAppointmentState, newAppointmentSchema, postedValues } from "./form-data";

const REFUSALS: Partial<Record<string, string>> = {
  SLOT_TAKEN: "Dieser Termin ist gerade vergeben worden – bitte eine andere Zeit wählen.",
  IN_PAST: "Dieser Zeitpunkt liegt in der Vergangenheit – bitte eine spätere Zeit wählen.",
  OUTSIDE_OPENING_HOURS: "Zu dieser Zeit hat der Salon geschlossen – bitte eine der angebotenen Zeiten wählen.",
  UNAVAILABLE: "Zu dieser Zeit ist kein Termin möglich – bitte eine der angebotenen Zeiten wählen.",
};

function refusal(error: unknown): NewAppointmentState {
  if (isAppError(error) && REFUSALS[error.code]) return { ok: false, message: REFUSALS[error.code]! };
  if (isAppError(error) && error.code === "NOT_FOUND") return { ok: false, message: `${error.message}.` };
  return actionError(error);
}

const book = adminAction(
  z.tuple([z.unknown(), z.instanceof(FormData).transform(postedValues).pipe(newAppointmentSchema)]),
  async ({ ctx, input: [, form] }): Promise<NewAppointmentState> => {
    const { appointment, created } = await bookAppointment({
      ctx,
      input: {
        serviceId: form.serviceId,
        start: new Date(form.start),
        staffId: form.staffId,
        customer: form.customerId
          ? { customerId: form.customerId }
          : { name: form.name, phone: form.phone || null, email: form.email ?? null },
        notes: form.note || undefined,
        idempotencyKey: `admin:${form.key}`,
        source: "admin",
      },
    });
    revalidatePath("/appointments");
    revalidatePath("/kalender");
    const message = created ? "Termin angelegt." : "Dieser Termin war bereits angelegt.";
    return { ok: true, message, appointmentId: appointment.id };
  },
  refusal,
);

/**
 * "Termin anlegen": books through the engine with the form's idempotency key (a double submit books
 * once) and opens the appointment; a refusal comes back with what was typed.
 */
export async function createAppointmentAction(previous: NewAppointmentState, data: FormData) {
  const state = await book(previous, data);
  if (state?.ok && state.appointmentId) redirect(`/appointments/${state.appointmentId}?angelegt=1`);
  return { ...state!, values: postedValues(data) } satisfies NewAppointmentState;
}
