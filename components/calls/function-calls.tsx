import { Badge } from "@/components/ui/badge";

type Entry = { id: number; name: string; args: unknown; result: unknown; latencyMs: number; time: string };

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** What the agent asked SlotDesk, in order, with the answer and how long it took. */
export function FunctionCalls({ entries }: { entries: Entry[] }) {
  if (entries.length === 0)
    return <p className="px-5 py-6 text-sm text-slate-500">In diesem Anruf wurden keine Funktionen aufgerufen.</p>;
  return (
    <ol className="divide-y divide-slate-100" aria-label="Funktionsaufrufe">
      {entries.map((entry, i) => {
        const result = (entry.result ?? {}) as { ok?: boolean; message?: string; error?: string };
        return (
          <li key={entry.id} className="px-5 py-4">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-xs tabular-nums text-slate-500">{i + 1}.</span>
              <code className="font-mono text-sm font-semibold text-slate-900">{entry.name}</code>
              <span className="text-xs tabular-nums text-slate-500">{entry.time}</span>
              <Badge tone={entry.latencyMs > 500 ? "amber" : "gray"}>{entry.latencyMs} ms</Badge>
              {result.ok === false ? <Badge tone="red">Fehler</Badge> : <Badge tone="green">ok</Badge>}
            </div>
            {result.message ? <p className="mt-2 text-sm text-slate-700">„{result.message}“</p> : null}
            <details className="mt-2 text-xs">
              <summary className="cursor-pointer text-slate-500 hover:text-slate-800">Argumente und Antwort</summary>
              <div className="mt-2 grid gap-2 lg:grid-cols-2">
                <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-slate-100">{json(entry.args)}</pre>
                <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-slate-100">{json(entry.result)}</pre>
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
