import Link from "next/link";

export type MergeCandidate = { id: number; name: string; phone: string | null; email: string | null; reason: string };

/** The records this one may absorb; the chosen one's appointments and calls move here. */
export function MergeChoices({ candidates, survivorName }: { candidates: MergeCandidate[]; survivorName: string }) {
  return (
    <div className="space-y-3">
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm text-slate-600">Welcher Eintrag soll in „{survivorName}“ aufgehen?</legend>
        {candidates.map((c) => (
          <label
            key={c.id}
            className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 px-3 py-2 text-sm"
          >
            <input type="radio" name="duplicateId" value={c.id} />
            <span className="font-medium text-slate-900">{c.name}</span>
            <span className="tabular-nums text-slate-500">{c.phone ?? "keine Nummer"}</span>
            <span className="text-slate-500">{c.email ?? "keine E-Mail"}</span>
            <span className="text-xs text-slate-500">{c.reason}</span>
            <Link href={`/kunden/${c.id}`} className="ml-auto text-brand-700 hover:underline">
              ansehen
            </Link>
          </label>
        ))}
      </fieldset>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input type="checkbox" name="confirmed" className="mt-0.5" />
        <span>
          Ich habe geprüft, dass es dieselbe Person ist. Termine und Anrufe werden übernommen, Notizen angehängt; der
          andere Eintrag bleibt nur als Verweis bestehen.
        </span>
      </label>
    </div>
  );
}
