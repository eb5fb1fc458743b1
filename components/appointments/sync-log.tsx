import { Badge } from "@/components/ui/badge";
import { CalcomMessage } from "@/components/ui/calcom-message";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTimeDe } from "@/lib/time";

type Attempt = {
  id: number;
  createdAt: Date;
  action: string;
  method: string;
  path: string;
  httpStatus: number | null;
  latencyMs: number;
  errorCode: string | null;
  errorMessage: string | null;
};

const ACTIONS: Record<string, string> = {
  create: "Buchung anlegen",
  get: "Buchung abrufen",
  list: "Buchungen auflisten",
  lookup: "Nach Metadaten suchen",
  verify: "Nachprüfung",
  cancel: "Stornieren",
  reschedule: "Verschieben",
  reconcile: "Abgleich",
};

/** Every Cal.com request made for this appointment, newest first. */
export function SyncLog({ attempts, timeZone }: { attempts: Attempt[]; timeZone: string }) {
  if (attempts.length === 0) return <p className="px-5 py-6 text-sm text-slate-500">Noch keine Anfragen an Cal.com.</p>;
  return (
    <Table label="Anfragen an Cal.com">
      <thead>
        <tr>
          <Th>Zeit</Th>
          <Th>Aktion</Th>
          <Th>Anfrage</Th>
          <Th>HTTP</Th>
          <Th>Dauer</Th>
          <Th>Fehler</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {attempts.map((a) => (
          <tr key={a.id}>
            <Td className="whitespace-nowrap tabular-nums">{formatDateTimeDe(a.createdAt, timeZone)}</Td>
            <Td>{ACTIONS[a.action] ?? a.action}</Td>
            <Td>
              <code className="whitespace-nowrap font-mono text-xs">
                {a.method} {a.path}
              </code>
            </Td>
            <Td>
              {a.httpStatus === null ? (
                <Badge tone="red">keine Antwort</Badge>
              ) : (
                <Badge tone={a.httpStatus < 300 ? "green" : a.httpStatus === 404 ? "amber" : "red"}>
                  {a.httpStatus}
                </Badge>
              )}
            </Td>
            <Td className="whitespace-nowrap tabular-nums">{a.latencyMs} ms</Td>
            <Td className="min-w-48 max-w-md text-xs text-red-700">
              {a.errorMessage ? <CalcomMessage message={a.errorMessage} /> : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
