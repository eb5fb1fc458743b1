"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { StaffFormState } from "@/app/(admin)/staff/form-data";
import { Feedback } from "@/components/services/feedback";
import { buttonClass } from "@/components/ui/button";

/** A staff form section: posts to its (bound) server action, shows the German answer, refreshes the page. */
export function ActionForm({
  action,
  label,
  submitLabel,
  children,
}: {
  action: (form: FormData) => Promise<StaffFormState>;
  label: string;
  submitLabel: string;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<StaffFormState>(null);
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
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Speichere …" : submitLabel}
      </button>
      <Feedback state={state} />
    </form>
  );
}
