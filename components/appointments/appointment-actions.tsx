"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions";
import {
  bookableStartsAction,
  cancelAction,
  rescheduleAction,
  type StartOption,
} from "@/app/(admin)/appointments/[id]/actions";
import { retrySyncAction, reverifyAction } from "@/app/(admin)/sync/actions";
import { buttonClass } from "@/components/ui/button";
import { ConfirmBar } from "@/components/ui/confirm-bar";
import { inputClass, labelClass } from "@/components/ui/field";

function Feedback({ state }: { state: ActionState }) {
  if (!state) return null;
  return (
    <p
      role="status"
      className={`rounded-lg px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
    >
      {state.message}
    </p>
  );
}

type SyncFollow = { from: string; cancelled: boolean };

/** What "Erneut synchronisieren" ended in, once the page shows the sync's final state. */
function syncOutcome(syncStatus: string, follow: SyncFollow): ActionState {
  if (syncStatus === "synced")
    return {
      ok: true,
      message: follow.cancelled
        ? "Erneut synchronisiert: die Buchungen sind in Cal.com storniert."
        : "Erneut synchronisiert: alle Segmente sind in Cal.com gebucht.",
    };
  return {
    ok: false,
    message:
      syncStatus === "partial"
        ? "Erneut synchronisiert, aber nicht alle Segmente sind in Cal.com gebucht. Was zu tun ist, steht darunter."
        : "Die erneute Synchronisierung ist fehlgeschlagen. Was zu tun ist, steht darunter.",
  };
}

/**
 * Sync actions, cancel and reschedule for one appointment, each confirmed and answered in German.
 * After "Erneut synchronisieren" the answer follows the page: while the sync runs it says so, and once a
 * fresh render (`renderId`) shows the final state it says how it ended instead of a stale "gestartet".
 */
export function AppointmentActions({
  id,
  canChange,
  today,
  syncStatus,
  cancelled,
  renderId,
}: {
  id: number;
  canChange: boolean;
  today: string;
  syncStatus: string;
  cancelled: boolean;
  renderId: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setState] = useState<ActionState>(null);
  const [follow, setFollow] = useState<SyncFollow | null>(null);
  const state =
    follow && renderId !== follow.from && syncStatus !== "pending" ? syncOutcome(syncStatus, follow) : result;
  const [confirming, setConfirming] = useState<"cancel" | "retry" | null>(null);
  const [moving, setMoving] = useState(false);
  const [cancelNote, setCancelNote] = useState("");
  const run = (action: () => Promise<ActionState>, followSync = false) =>
    startTransition(async () => {
      setConfirming(null);
      const result = await action();
      setState(result);
      setFollow(followSync && result?.ok ? { from: renderId, cancelled } : null);
      // With an expired session a refresh would only bounce to the login and hide this message.
      if (!result?.sessionExpired) router.refresh();
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={pending}
          className={buttonClass("secondary")}
          onClick={() => run(() => reverifyAction([id]))}
        >
          Sync erneut prüfen
        </button>
        <button
          type="button"
          disabled={pending}
          className={buttonClass("secondary")}
          onClick={() => setConfirming("retry")}
        >
          Erneut synchronisieren
        </button>
        {canChange ? (
          <>
            <button
              type="button"
              disabled={pending}
              className={buttonClass("secondary")}
              onClick={() => setMoving((v) => !v)}
              aria-expanded={moving}
            >
              Verschieben
            </button>
            <button
              type="button"
              disabled={pending}
              className={buttonClass("danger")}
              onClick={() => setConfirming("cancel")}
            >
              Stornieren
            </button>
          </>
        ) : null}
        {pending ? <span className="self-center text-sm text-slate-500">Einen Moment …</span> : null}
      </div>
      {confirming ? (
        <ConfirmBar
          question={
            confirming === "cancel"
              ? "Termin wirklich stornieren? Die Zeit wird sofort frei und die Cal.com-Buchungen werden storniert."
              : "Die Cal.com-Buchungen dieses Termins jetzt erneut abgleichen? Vorhandene werden übernommen, fehlende angelegt."
          }
          confirmLabel={confirming === "cancel" ? "Ja, stornieren" : "Ja, synchronisieren"}
          tone={confirming === "cancel" ? "danger" : "primary"}
          onConfirm={() =>
            confirming === "cancel"
              ? run(() => cancelAction(id, cancelNote || undefined))
              : run(() => retrySyncAction([id]), true)
          }
          onCancel={() => setConfirming(null)}
        >
          {confirming === "cancel" ? (
            <div>
              <label htmlFor="cancel-note" className={labelClass}>
                Notiz zur Absage (optional, steht im Verlauf)
              </label>
              <input
                id="cancel-note"
                maxLength={500}
                value={cancelNote}
                onChange={(e) => setCancelNote(e.target.value)}
                className={`${inputClass} bg-white`}
                placeholder="z. B. Kundin hat angerufen, ist krank"
              />
            </div>
          ) : null}
        </ConfirmBar>
      ) : null}
      {moving ? (
        <ReschedulePanel
          id={id}
          today={today}
          onDone={(result) => {
            setState(result);
            setFollow(null);
            if (result?.ok) setMoving(false);
            if (!result?.sessionExpired) router.refresh();
          }}
        />
      ) : null}
      <Feedback state={state} />
    </div>
  );
}

function ReschedulePanel({ id, today, onDone }: { id: number; today: string; onDone: (state: ActionState) => void }) {
  const [options, setOptions] = useState<StartOption[]>([]);
  const [note, setNote] = useState<string | undefined>("Bitte einen Tag wählen.");
  const [start, setStart] = useState("");
  const [loading, startLoading] = useTransition();
  const [, formAction, submitting] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await rescheduleAction(id, previous, formData);
    onDone(result);
    return result;
  }, null);
  const staffId = options.find((o) => o.value === start)?.staffId ?? "";
  return (
    <form
      action={formAction}
      className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4 sm:grid-cols-[12rem_1fr_auto]"
      aria-label="Termin verschieben"
    >
      <div>
        <label htmlFor="reschedule-date" className={labelClass}>
          Neuer Tag
        </label>
        <input
          id="reschedule-date"
          type="date"
          min={today}
          className={inputClass}
          onChange={(event) => {
            const date = event.target.value;
            setStart("");
            if (!date) return;
            startLoading(async () => {
              const result = await bookableStartsAction(id, date);
              setOptions(result.options);
              setNote(result.message);
            });
          }}
        />
      </div>
      <div>
        <label htmlFor="reschedule-start" className={labelClass}>
          Freie Uhrzeit
        </label>
        <select
          id="reschedule-start"
          name="start"
          value={start}
          onChange={(e) => setStart(e.target.value)}
          className={inputClass}
          disabled={loading || options.length === 0}
          required
        >
          <option value="">{loading ? "Lade freie Zeiten …" : (note ?? "Uhrzeit wählen")}</option>
          {options.map((o) => (
            <option key={`${o.value}|${o.staffId}`} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <input type="hidden" name="staffId" value={staffId} />
      </div>
      <div className="flex items-end">
        <button type="submit" disabled={!start || submitting} className={buttonClass("primary")}>
          {submitting ? "Verschiebe …" : "Verschieben"}
        </button>
      </div>
    </form>
  );
}
