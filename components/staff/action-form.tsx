"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Feedback } from "@/components/services/feedback";
import { buttonClass } from "@/components/ui/button";

type FormState = { ok: boolean; message: string; errors?: string[] } | null;

/**
 * A form section (stylist, customer): posts to its (bound) server action, shows the German answer,
 * refreshes the page.
 */
export function ActionForm({
  action,
  label,
  submitLabel,
  pendingLabel = "Speichere …",
  danger = false,
  children,
}: {
  action: (form: FormData) => Promise<FormState>;
  label: string;
  submitLabel: string;
  pendingLabel?: string;
  danger?: boolean;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<FormState>(null);
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await action(data);
      setState(result);
      if (result?.ok) router.refresh();
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={label} className="space-y-4 p-5">
      {children}
      <button type="submit" disabled={pending} className={buttonClass(danger ? "danger" : "primary")}>
        {pending ? pendingLabel : submitLabel}
      </button>
      <Feedback state={state} />
    </form>
  );
}
