"use client";

import { useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions";
import { buttonClass } from "@/components/ui/button";

type SaveAction = (form: FormData) => Promise<ActionState>;

function Feedback({ state }: { state: ActionState }) {
  if (!state) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={`rounded-lg px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
    >
      {state.message}
    </p>
  );
}

/**
 * One settings section saved by its own server action. Submitting through a transition instead of
 * `<form action>` keeps what the admin typed when the server refuses it (React resets action forms).
 */
export function SettingsForm({
  action,
  label,
  children,
}: {
  action: SaveAction;
  label: string;
  children: React.ReactNode;
}) {
  const [state, setState] = useState<ActionState>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      aria-label={label}
      className="space-y-5 px-5 py-5"
      onChange={() => setState(null)}
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        startTransition(async () => {
          const result = await action(data);
          setState(result);
          // A saved secret must not linger in the field.
          if (result?.ok) {
            form.querySelectorAll<HTMLInputElement>("input[data-clear-on-save]").forEach((input) => {
              if (input.type === "checkbox") input.checked = false;
              else input.value = "";
            });
          }
        });
      }}
    >
      {children}
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Speichere …" : "Speichern"}
        </button>
        <Feedback state={state} />
      </div>
    </form>
  );
}
