"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setActiveAction } from "@/app/(admin)/staff/[id]/actions";
import { mergeAction, previewMergeAction, type PreviewState } from "@/app/(admin)/staff/actions";
import { ConflictList } from "@/components/staff/merge-conflicts";
import { buttonClass } from "@/components/ui/button";
import type { ActionState } from "@/lib/actions";
import { countDe } from "@/lib/time";

type Member = {
  id: string;
  name: string;
  label: string;
  email: string | null;
  calcomUserId: number | null;
  appointments: number;
};

const REASONS: Record<string, string> = {
  name: "gleicher Name",
  email: "gleiche E-Mail",
  calcom_user: "gleicher Cal.com-Nutzer",
};

/**
 * Choose which record survives, see what would move, resolve overlapping appointments (give one of
 * each pair to someone else, move or cancel it), then merge. Or deactivate the record that is not used.
 */
export function MergePanel({ members, reasons }: { members: Member[]; reasons: string[] }) {
  const router = useRouter();
  const [survivor, setSurvivor] = useState(
    members.reduce((best, m) => (m.appointments > best.appointments ? m : best)).id,
  );
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const [result, setResult] = useState<ActionState>(null);
  const [pending, startTransition] = useTransition();
  const duplicates = members.filter((m) => m.id !== survivor);
  const duplicate = duplicates[0]!;
  const refreshPreview = () =>
    startTransition(async () => {
      setPreview(await previewMergeAction(survivor, duplicate.id));
      router.refresh();
    });
  return (
    <div className="space-y-3 p-5">
      <p className="text-sm text-slate-600">
        {members.length} Einträge · {reasons.map((r) => REASONS[r] ?? r).join(", ")}. Welcher Eintrag soll bleiben?
      </p>
      <fieldset className="space-y-2">
        <legend className="sr-only">Bleibender Eintrag</legend>
        {members.map((m) => (
          <div key={m.id} className="flex items-center gap-3 rounded-lg border border-slate-200 px-3 py-2 text-sm">
            <label className="flex flex-1 flex-wrap items-center gap-3">
              <input
                type="radio"
                name={`survivor-${members[0]!.id}`}
                value={m.id}
                checked={survivor === m.id}
                onChange={() => (setSurvivor(m.id), setPreview(null), setResult(null))}
              />
              <span className="font-medium text-slate-900">{m.label}</span>
              <span className="text-slate-500">{m.email ?? "keine E-Mail"}</span>
              <span className="text-slate-500">Cal.com {m.calcomUserId ?? "–"}</span>
              <span className="ml-auto tabular-nums text-slate-500">{m.appointments} Termine</span>
            </label>
            <button
              type="button"
              disabled={pending}
              className={buttonClass("secondary")}
              onClick={() =>
                startTransition(async () => {
                  const done = await setActiveAction(m.id, false);
                  setResult(done);
                  if (done?.ok) router.refresh();
                })
              }
            >
              {m.label} deaktivieren
            </button>
          </div>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={pending}
          className={buttonClass("secondary")}
          onClick={() => startTransition(async () => setPreview(await previewMergeAction(survivor, duplicate.id)))}
        >
          Vorschau anzeigen
        </button>
        {preview?.ok && preview.conflicts.length === 0 ? (
          <button
            type="button"
            disabled={pending}
            className={buttonClass("primary")}
            onClick={() =>
              startTransition(async () => {
                const merged = await mergeAction(survivor, duplicate.id);
                setPreview(null);
                // The card disappears with the duplicate, so the page itself confirms the merge.
                if (merged?.ok) router.replace(`/staff?merged=${duplicate.id}`);
                else setResult(merged);
              })
            }
          >
            Jetzt zusammenführen
          </button>
        ) : null}
      </div>
      {preview && !preview.ok ? (
        <p role="status" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {preview.message}
        </p>
      ) : null}
      {preview?.ok ? (
        <div role="region" aria-label="Vorschau" className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm">
          <p className="font-medium text-slate-900">
            „{duplicate.label}“ ({duplicate.email ?? duplicate.id.slice(0, 8)}) geht in „
            {members.find((m) => m.id === survivor)?.label ?? preview.preview.survivor.name}“ auf:
          </p>
          <ul className="mt-2 grid grid-cols-1 gap-1 text-slate-700 sm:grid-cols-2">
            <li>{countDe(preview.preview.moves.appointments, "Termin", "Termine")}</li>
            <li>{countDe(preview.preview.moves.phases, "Segment", "Segmente")}</li>
            <li>
              {preview.preview.moves.eventMaps} Cal.com-Zuordnungen (+{preview.preview.moves.eventMapsDropped} doppelte
              verworfen)
            </li>
            <li>{countDe(preview.preview.moves.workingHours, "Arbeitstag", "Arbeitstage")}</li>
            <li>{countDe(preview.preview.moves.services, "Leistung", "Leistungen")}</li>
            <li>{countDe(preview.preview.moves.holds, "aktive Reservierung", "aktive Reservierungen")}</li>
          </ul>
          {preview.conflicts.length ? (
            <ConflictList conflicts={preview.conflicts} pending={pending} onChanged={refreshPreview} />
          ) : null}
        </div>
      ) : null}
      {result ? (
        <p
          role="status"
          className={`rounded-lg px-3 py-2 text-sm ${result.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
        >
          {result.message}
        </p>
      ) : null}
    </div>
  );
}
