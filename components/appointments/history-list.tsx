import Link from "next/link";
import type { HistoryEntry } from "@/lib/appointments";
import { formatDateTimeDe } from "@/lib/time";

/** The appointment's "Verlauf": one German line per change, oldest first, calls linked. */
export function HistoryList({ entries, timeZone }: { entries: HistoryEntry[]; timeZone: string }) {
  if (entries.length === 0)
    return <p className="px-5 py-6 text-sm text-slate-500">Für diesen Termin ist noch kein Verlauf gespeichert.</p>;
  return (
    <ol className="divide-y divide-slate-100" aria-label="Verlauf">
      {entries.map((e) => (
        <li key={e.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 px-5 py-3 text-sm">
          <time className="w-36 shrink-0 tabular-nums text-slate-500" dateTime={e.at.toISOString()}>
            {formatDateTimeDe(e.at, timeZone)}
          </time>
          <span className="min-w-0 flex-1 text-slate-800">{e.sentence}</span>
          {e.callId ? (
            <Link href={`/calls/${e.callId}`} className="text-brand-700 hover:underline">
              Anruf ansehen
            </Link>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
