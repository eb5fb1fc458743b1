"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { countDe } from "@/lib/time";
import { deleteServiceAction, setServiceActiveAction } from "@/app/(admin)/services/[id]/actions";
import { buttonClass } from "@/components/ui/button";
import { ConfirmBar } from "@/components/ui/confirm-bar";
import type { ActionState } from "@/lib/actions";
import { Feedback } from "./feedback";

/** Deactivate (always possible) or delete (only a service nobody ever booked), each confirmed. */
export function ServiceManage({
  id,
  name,
  active,
  appointmentCount,
}: {
  id: number;
  name: string;
  active: boolean;
  appointmentCount: number;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<ActionState>(null);
  const [confirming, setConfirming] = useState<"deactivate" | "delete" | null>(null);
  const run = (action: () => Promise<ActionState>, after?: string) =>
    startTransition(async () => {
      setConfirming(null);
      const result = await action();
      setState(result);
      if (result?.sessionExpired) return;
      if (result?.ok && after) router.push(after);
      else router.refresh();
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {active ? (
          <button
            type="button"
            disabled={pending}
            className={buttonClass("secondary")}
            onClick={() => setConfirming("deactivate")}
          >
            Deaktivieren
          </button>
        ) : (
          <button
            type="button"
            disabled={pending}
            className={buttonClass("secondary")}
            onClick={() => run(() => setServiceActiveAction(id, true))}
          >
            Wieder aktivieren
          </button>
        )}
        {appointmentCount === 0 ? (
          <button
            type="button"
            disabled={pending}
            className={buttonClass("danger")}
            onClick={() => setConfirming("delete")}
          >
            Löschen
          </button>
        ) : (
          <span className="text-sm text-slate-500">
            {countDe(appointmentCount, "Termin nutzt", "Termine nutzen")} diese Leistung – sie kann nicht gelöscht, nur
            deaktiviert werden.
          </span>
        )}
      </div>
      {confirming ? (
        <ConfirmBar
          question={
            confirming === "delete"
              ? `„${name}“ endgültig löschen? Segmente, Mitarbeiter-Zuordnungen und Cal.com-Zuordnungen werden mit gelöscht.`
              : `„${name}“ deaktivieren? Der Telefonassistent bietet ihn dann nicht mehr an; bestehende Termine bleiben.`
          }
          confirmLabel={confirming === "delete" ? "Ja, löschen" : "Ja, deaktivieren"}
          tone={confirming === "delete" ? "danger" : "primary"}
          onConfirm={() =>
            confirming === "delete"
              ? run(() => deleteServiceAction(id), "/services")
              : run(() => setServiceActiveAction(id, false))
          }
          onCancel={() => setConfirming(null)}
        />
      ) : null}
      <Feedback state={state} />
    </div>
  );
}
