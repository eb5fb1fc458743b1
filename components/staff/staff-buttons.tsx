"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteAbsenceAction, setActiveAction } from "@/app/(admin)/staff/[id]/actions";
import type { StaffFormState } from "@/app/(admin)/staff/form-data";
import { Feedback } from "@/components/services/feedback";
import { buttonClass } from "@/components/ui/button";

function useAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<StaffFormState>(null);
  const run = (action: () => Promise<StaffFormState>) =>
    startTransition(async () => {
      const result = await action();
      setState(result);
      if (result?.ok) router.refresh();
    });
  return { pending, state, run };
}

/** Deactivate (nobody is offered her, appointments stay) or reactivate. */
export function ActiveToggle({ staffId, active }: { staffId: string; active: boolean }) {
  const { pending, state, run } = useAction();
  return (
    <div className="space-y-3">
      <button
        type="button"
        disabled={pending}
        onClick={() => run(() => setActiveAction(staffId, !active))}
        className={buttonClass(active ? "danger" : "primary")}
      >
        {active ? "Deaktivieren" : "Wieder aktivieren"}
      </button>
      <Feedback state={state} />
    </div>
  );
}

export function DeleteAbsenceButton({ absenceId }: { absenceId: number }) {
  const { pending, state, run } = useAction();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        onClick={() => run(() => deleteAbsenceAction(absenceId))}
        className={buttonClass("ghost")}
      >
        Löschen
      </button>
      {state && !state.ok ? <Feedback state={state} /> : null}
    </>
  );
}
