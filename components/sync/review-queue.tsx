"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { clearReviewAction, retrySyncAction, reverifyAction } from "@/app/(admin)/sync/actions";
import { StatusBadge } from "@/components/appointments/badges";
import { SyncBadge } from "@/components/appointments/sync-badge";
import { buttonClass } from "@/components/ui/button";
import type { ActionState } from "@/lib/actions";
import { CalcomMessage } from "@/components/ui/calcom-message";

export type QueueRow = {
  id: number;
  when: string;
  past: boolean;
  status: string;
  customerName: string;
  service: string;
  staffName: string;
  syncStatus: string;
  cause: { label: string; todo: string; link: { href: string; label: string } | null } | null;
  errorMessage: string | null;
};

function ClearForm({ row, submit, pending }: { row: QueueRow; submit: (reason: string) => void; pending: boolean }) {
  const [reason, setReason] = useState("");
  return (
    <form
      className="mt-2 flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit(reason);
      }}
    >
      <label className="sr-only" htmlFor={`reason-${row.id}`}>
        Begründung für {row.customerName}
      </label>
      <input
        id={`reason-${row.id}`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder="Warum erledigt? z. B. in Cal.com von Hand korrigiert"
        className="min-w-64 flex-1 rounded-lg border border-slate-300 px-2.5 py-1.5 text-xs"
        required
        minLength={3}
      />
      <button type="submit" disabled={pending} className={buttonClass("secondary", "px-2.5 py-1.5 text-xs")}>
        Als erledigt markieren
      </button>
    </form>
  );
}

/** Appointments waiting for manual review: cause and next step, re-verify / retry, or done with a reason. */
export function ReviewQueue({ rows }: { rows: QueueRow[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [clearing, setClearing] = useState<number | null>(null);
  const [state, setState] = useState<ActionState>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<ActionState>) =>
    startTransition(async () => {
      const result = await action();
      setState(result);
      setSelected(new Set());
      if (result?.ok) setClearing(null);
      if (!result?.sessionExpired) router.refresh();
    });
  const toggle = (id: number) =>
    setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const all = rows.length > 0 && selected.size === rows.length;
  const ids = [...selected];
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-5 py-3">
        <label className="mr-2 inline-flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={all}
            onChange={() => setSelected(all ? new Set() : new Set(rows.map((r) => r.id)))}
            className="h-4 w-4 rounded border-slate-300"
          />
          Alle auswählen
        </label>
        <button
          type="button"
          disabled={pending || ids.length === 0}
          className={buttonClass("secondary")}
          onClick={() => run(() => reverifyAction(ids))}
        >
          Auswahl prüfen ({ids.length})
        </button>
        <button
          type="button"
          disabled={pending || ids.length === 0}
          className={buttonClass("secondary")}
          onClick={() => run(() => retrySyncAction(ids))}
        >
          Auswahl erneut synchronisieren
        </button>
        {pending ? <span className="text-sm text-slate-500">Einen Moment …</span> : null}
      </div>
      {state ? (
        <p
          role="status"
          className={`mx-5 mt-3 rounded-lg px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
        >
          {state.message}
        </p>
      ) : null}
      <ul className="divide-y divide-slate-100" aria-label="Prüfliste">
        {rows.map((r) => (
          <li key={r.id} className="flex flex-wrap items-start gap-3 px-5 py-3" aria-label={`Termin ${r.customerName}`}>
            <input
              type="checkbox"
              aria-label={`${r.customerName} auswählen`}
              checked={selected.has(r.id)}
              onChange={() => toggle(r.id)}
              className="mt-1 h-4 w-4 rounded border-slate-300"
            />
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Link href={`/appointments/${r.id}`} className="font-medium text-brand-700 hover:underline">
                  {r.when}
                </Link>
                <span className="text-slate-900">{r.customerName}</span>
                <span className="text-slate-500">
                  {r.service} · {r.staffName}
                </span>
                {r.status !== "confirmed" ? <StatusBadge status={r.status} /> : null}
                {r.past && r.status === "confirmed" ? <span className="text-xs text-slate-500">vergangen</span> : null}
                <SyncBadge status={r.syncStatus} appointmentStatus={r.status} />
              </div>
              {r.cause ? (
                <p className="mt-1 text-xs text-slate-700">
                  <strong className="text-red-700">{r.cause.label}:</strong> {r.cause.todo}{" "}
                  {r.cause.link ? (
                    <Link href={r.cause.link.href} className="text-brand-700 underline hover:text-brand-900">
                      {r.cause.link.label}
                    </Link>
                  ) : null}
                </p>
              ) : null}
              {r.errorMessage ? (
                <div className="mt-1 text-xs text-slate-600">
                  <CalcomMessage message={r.errorMessage} />
                </div>
              ) : null}
              {clearing === r.id ? (
                <ClearForm row={r} submit={(why) => run(() => clearReviewAction(r.id, why))} pending={pending} />
              ) : null}
            </div>
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                disabled={pending}
                className={buttonClass("secondary", "px-2.5 py-1.5 text-xs")}
                onClick={() => run(() => reverifyAction([r.id]))}
              >
                Prüfen
              </button>
              <button
                type="button"
                disabled={pending}
                className={buttonClass("secondary", "px-2.5 py-1.5 text-xs")}
                onClick={() => run(() => retrySyncAction([r.id]))}
              >
                Erneut synchronisieren
              </button>
              <button
                type="button"
                disabled={pending}
                aria-expanded={clearing === r.id}
                className={buttonClass("secondary", "px-2.5 py-1.5 text-xs")}
                onClick={() => setClearing(clearing === r.id ? null : r.id)}
              >
                Erledigt …
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
