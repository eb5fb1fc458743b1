"use client";

import { useState, useTransition } from "react";
import { type CheckState, runCalcomCheckAction } from "@/app/(admin)/settings/actions";
import { buttonClass } from "@/components/ui/button";
import { CalcomMessage } from "@/components/ui/calcom-message";
import { reword } from "@/components/ui/calcom-messages-de";

type Step = { step: string; ok: boolean; detail: string };

function Steps({ steps }: { steps: Step[] }) {
  return (
    <ol className="space-y-1.5 text-sm" aria-label="Schritte der Go-Live-Prüfung">
      {steps.map((s) => (
        <li key={s.step} className="flex gap-2">
          <span aria-hidden className={s.ok ? "text-emerald-700" : "text-red-700"}>
            {s.ok ? "✓" : "✗"}
          </span>
          <div className="min-w-0 break-words">
            <span className="font-medium text-slate-900">{reword(s.step)}</span>
            <span className="sr-only">{s.ok ? " (in Ordnung)" : " (nicht in Ordnung)"}</span>:{" "}
            <div className="inline text-slate-700">
              <CalcomMessage message={s.detail} />
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Runs the go-live check on demand; shows the last stored result until then. */
export function GoLiveCheck({ last }: { last: { ok: boolean; steps: Step[]; when: string } | null }) {
  const [state, setState] = useState<CheckState>(null);
  const [pending, startTransition] = useTransition();
  const shown = state ?? (last ? { ok: last.ok, steps: last.steps } : null);
  return (
    <div className="space-y-4 px-5 py-5">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          disabled={pending}
          className={buttonClass("primary")}
          onClick={() => startTransition(async () => setState(await runCalcomCheckAction()))}
        >
          {pending ? "Prüfe …" : "Go-Live-Prüfung starten"}
        </button>
        {!state && last ? <span className="text-sm text-slate-600">Zuletzt geprüft: {last.when}</span> : null}
      </div>
      {state?.message ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
      {shown && shown.steps.length > 0 ? (
        <div role="status" className="space-y-3">
          <p className={`text-sm font-medium ${shown.ok ? "text-emerald-800" : "text-red-800"}`}>
            {shown.ok
              ? "Bestanden – Cal.com ist bereit für den Betrieb."
              : "Nicht bestanden – bitte die markierten Schritte beheben."}
          </p>
          <Steps steps={shown.steps} />
        </div>
      ) : null}
    </div>
  );
}
