"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { changePasswordAction } from "@/app/(admin)/konto/actions";
import { buttonClass } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/field";
import type { ActionState } from "@/lib/actions";

const FIELDS = [
  { name: "currentPassword", label: "Bisheriges Passwort", autoComplete: "current-password" },
  { name: "newPassword", label: "Neues Passwort", autoComplete: "new-password" },
  { name: "newPasswordRepeat", label: "Neues Passwort wiederholen", autoComplete: "new-password" },
] as const;

/** Current password and the new one twice; better-auth checks and stores it. */
export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(changePasswordAction, null);
  // The page's notice about a one-time password goes once the new password is set.
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form key={state?.ok ? "done" : "form"} action={formAction} noValidate className="max-w-sm space-y-4 px-5 py-4">
      {FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={field.name} className={labelClass}>
            {field.label}
          </label>
          <input
            id={field.name}
            name={field.name}
            type="password"
            required
            minLength={field.name === "currentPassword" ? undefined : minLength}
            autoComplete={field.autoComplete}
            className={inputClass}
          />
        </div>
      ))}
      <p className="text-xs text-slate-500">Mindestens {minLength} Zeichen.</p>
      {state ? (
        <p
          role={state.ok ? "status" : "alert"}
          className={`rounded-lg px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
        >
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Wird gespeichert …" : "Passwort ändern"}
      </button>
    </form>
  );
}
