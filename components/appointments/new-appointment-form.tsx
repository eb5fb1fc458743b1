"use client";

import { useActionState } from "react";
import { createAppointmentAction } from "@/app/(admin)/appointments/new/actions";
import type { NewAppointmentState } from "@/app/(admin)/appointments/new/form-data";
import { buttonClass } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/field";

export type StartChoice = { value: string; label: string };

/**
 * The posting part of "Neuer Termin": a free start, the customer (picked above or new) and a note.
 * The idempotency key was made when the page rendered: sending the form twice books once.
 */
export function NewAppointmentForm({
  idempotencyKey,
  serviceId,
  staffId,
  starts,
  preselected,
  customer,
}: {
  idempotencyKey: string;
  serviceId: number;
  staffId: string;
  starts: StartChoice[];
  preselected?: string;
  customer: { id: number; name: string; phone: string | null } | null;
}) {
  const [state, formAction, pending] = useActionState<NewAppointmentState, FormData>(createAppointmentAction, null);
  const values = state?.values ?? {};
  const chosen = values.start || preselected;
  return (
    <form action={formAction} className="space-y-4 px-5 pb-5" aria-label="Termin anlegen">
      <input type="hidden" name="key" value={idempotencyKey} />
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="staffId" value={staffId} />
      <input type="hidden" name="customerId" value={customer ? String(customer.id) : ""} />
      <fieldset>
        <legend className={labelClass}>Freie Uhrzeit</legend>
        {starts.length === 0 ? (
          <p className="text-sm text-slate-500">An diesem Tag ist nichts frei. Bitte einen anderen Tag wählen.</p>
        ) : (
          <div className="flex flex-wrap gap-2">
            {starts.map((s) => (
              <label
                key={s.value}
                className="inline-flex cursor-pointer items-center gap-1.5 rounded-lg border border-slate-300 px-3 py-1.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
              >
                <input type="radio" name="start" value={s.value} defaultChecked={s.value === chosen} required />
                {s.label}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      {customer ? null : (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <div>
            <label htmlFor="new-name" className={labelClass}>
              Name (neuer Kunde)
            </label>
            <input id="new-name" name="name" defaultValue={values.name} maxLength={200} className={inputClass} />
          </div>
          <div>
            <label htmlFor="new-phone" className={labelClass}>
              Telefon (optional)
            </label>
            <input id="new-phone" name="phone" type="tel" defaultValue={values.phone} className={inputClass} />
          </div>
          <div>
            <label htmlFor="new-email" className={labelClass}>
              E-Mail (optional)
            </label>
            <input id="new-email" name="email" type="email" defaultValue={values.email} className={inputClass} />
          </div>
        </div>
      )}
      <div>
        <label htmlFor="new-note" className={labelClass}>
          Notiz (optional)
        </label>
        <textarea
          id="new-note"
          name="note"
          rows={2}
          maxLength={500}
          defaultValue={values.note}
          className={inputClass}
        />
      </div>
      {state && !state.ok ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={pending || starts.length === 0} className={buttonClass("primary")}>
        {pending ? "Lege an …" : "Termin anlegen"}
      </button>
    </form>
  );
}
