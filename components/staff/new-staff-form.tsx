"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createStaffAction } from "@/app/(admin)/staff/actions";
import type { StaffFormState } from "@/app/(admin)/staff/form-data";
import { Feedback } from "@/components/services/feedback";
import { buttonClass } from "@/components/ui/button";
import { labelClass } from "@/components/ui/field";
import { HoursEditor } from "./hours-editor";
import { ProfileFields, ServiceChoices } from "./profile-fields";

const EMPTY = { name: "", email: "", phone: "", color: "", calcomUserId: "", calcomUsername: "" };

/** "Neue Mitarbeiterin": Stammdaten, Leistungen and Arbeitszeiten in one form; afterwards her page opens. */
export function NewStaffForm({
  services,
  defaultHours,
}: {
  services: { id: number; name: string; active: boolean }[];
  defaultHours: { weekday: number; start: string; end: string }[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<StaffFormState>(null);
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await createStaffAction(data);
      setState(result);
      if (result?.ok && result.id) router.push(`/staff/${result.id}`);
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Neue Mitarbeiterin" className="space-y-6 p-5">
      <ProfileFields initial={EMPTY} />
      <ServiceChoices services={services} selected={[]} />
      <div>
        <p className={labelClass}>Arbeitszeiten (mehrere Zeiträume pro Tag für Pausen)</p>
        <HoursEditor initial={defaultHours} />
      </div>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Speichere …" : "Mitarbeiterin anlegen"}
      </button>
      <Feedback state={state} />
    </form>
  );
}
