"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setStatusAction } from "@/app/(admin)/appointments/[id]/actions";
import { buttonClass } from "@/components/ui/button";
import type { ActionState } from "@/lib/actions";

type Outcome = "completed" | "no_show" | "confirmed";
const BUTTONS: { status: Outcome; label: string }[] = [
  { status: "completed", label: "Erschienen" },
  { status: "no_show", label: "Nicht erschienen" },
  { status: "confirmed", label: "Offen" },
];

/** For an appointment that has started: did the customer come? */
export function StatusActions({ id, status }: { id: number; status: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<ActionState>(null);
  return (
    <div className="space-y-2" role="group" aria-label="Erschienen?">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-slate-600">Erschienen?</span>
        {BUTTONS.map((b) => (
          <button
            key={b.status}
            type="button"
            disabled={pending || status === b.status}
            aria-pressed={status === b.status}
            className={buttonClass(status === b.status ? "primary" : "secondary")}
            onClick={() =>
              startTransition(async () => {
                const result = await setStatusAction(id, b.status);
                setState(result);
                if (!result?.sessionExpired) router.refresh();
              })
            }
          >
            {b.label}
          </button>
        ))}
      </div>
      {state ? (
        <p
          role="status"
          className={`rounded-lg px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
        >
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
