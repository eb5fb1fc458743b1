"use client";

import { useActionState } from "react";
import { type AddAdminState, addAdminAction } from "@/app/(admin)/zugaenge/actions";
import { buttonClass } from "@/components/ui/button";
import { CopyValue } from "@/components/ui/copy-button";
import { inputClass, labelClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/** Name and e-mail of a colleague; the answer shows their one-time password exactly once. */
export function AddAdminForm() {
  const [state, formAction, pending] = useActionState<AddAdminState, FormData>(addAdminAction, null);
  return (
    <div className="space-y-4 px-5 py-4">
      {/* A new key after each success empties the fields for the next colleague. */}
      <form
        key={state?.ok ? state.created.email : "form"}
        action={formAction}
        noValidate
        className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      >
        <div>
          <label htmlFor="admin-name" className={labelClass}>
            Name
          </label>
          <input id="admin-name" name="name" required autoComplete="off" className={inputClass} />
        </div>
        <div>
          <label htmlFor="admin-email" className={labelClass}>
            E-Mail-Adresse
          </label>
          <input id="admin-email" name="email" type="email" required autoComplete="off" className={inputClass} />
        </div>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Wird angelegt …" : "Zugang anlegen"}
        </button>
      </form>
      {state && !state.ok ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
      {state?.ok ? (
        <div role="status">
          <Notice tone="success">
            <p className="font-medium">
              {state.message} Einmal-Passwort für {state.created.email}:
            </p>
            <p className="my-2">
              <CopyValue value={state.created.oneTimePassword} label="Einmal-Passwort" />
            </p>
            <p>
              Bitte geben Sie das Passwort persönlich weiter – es wird nur dieses eine Mal angezeigt. Bei der ersten
              Anmeldung wählt {state.created.name} ein eigenes Passwort.
            </p>
          </Notice>
        </div>
      ) : null}
    </div>
  );
}
