"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { removeAdminAction } from "@/app/(admin)/zugaenge/actions";
import { buttonClass } from "@/components/ui/button";
import { ConfirmBar } from "@/components/ui/confirm-bar";
import type { ActionState } from "@/lib/actions";

/** "Entfernen" with a confirmation; the login and all its sessions end at once. */
export function RemoveAdminButton({ userId, name }: { userId: string; name: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [state, setState] = useState<ActionState>(null);
  const remove = () =>
    startTransition(async () => {
      setConfirming(false);
      const result = await removeAdminAction(userId);
      setState(result);
      if (result?.ok) router.refresh();
    });
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={pending}
        className={buttonClass("secondary")}
        onClick={() => setConfirming(true)}
        aria-label={`Zugang von ${name} entfernen`}
        aria-expanded={confirming}
      >
        Entfernen
      </button>
      {confirming ? (
        <ConfirmBar
          question={`Zugang von ${name} wirklich entfernen? Die Anmeldung endet sofort.`}
          confirmLabel="Ja, entfernen"
          tone="danger"
          onConfirm={remove}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      {state && !state.ok ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
