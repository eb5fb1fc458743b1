import Link from "next/link";
import { AutoRefresh } from "@/components/appointments/auto-refresh";
import { SyncChart } from "@/components/sync/charts";
import { type QueueRow, ReviewQueue } from "@/components/sync/review-queue";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th } from "@/components/ui/table";
import { requireAdminPage } from "@/lib/auth/web";
import { getSyncMonitor } from "@/lib/calcom/sync";
import { formatDateTimeDe } from "@/lib/time";
import { formatInTimeZone } from "date-fns-tz";

export const metadata = { title: "Sync-Monitor" };

const percent = (rate: number | null) => (rate === null ? "–" : `${(rate * 100).toFixed(1).replace(".", ",")} %`);

export default async function SyncPage() {
  const ctx = await requireAdminPage();
  const m = await getSyncMonitor({ ctx });
  const tz = ctx.company.timeZone;
  const queue: QueueRow[] = m.queue.map((q) => ({
    id: q.id,
    when: formatDateTimeDe(q.startsAt, tz),
    customerName: q.customerName,
    service: q.serviceName,
    staffName: q.staffName,
    syncStatus: q.syncStatus,
    errorCode: q.errorCode,
    errorMessage: q.errorMessage,
  }));
  return (
    <>
      <AutoRefresh active={m.byStatus.pending! > 0} intervalMs={5000} />
      <PageHeader title="Sync-Monitor" description="Wie gut Cal.com mit den bestätigten Terminen übereinstimmt" />
      <div className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-5">
        <Stat label="Synchronisiert" value={m.byStatus.synced ?? 0} href="/appointments?sync=synced" />
        <Stat label="Ausstehend" value={m.byStatus.pending ?? 0} href="/appointments?sync=pending&from=" />
        <Stat
          label="Teilweise"
          value={m.byStatus.partial ?? 0}
          tone={m.byStatus.partial ? "warn" : "default"}
          href="/appointments?sync=partial&from="
        />
        <Stat
          label="Fehlgeschlagen"
          value={m.byStatus.failed ?? 0}
          tone={m.byStatus.failed ? "warn" : "default"}
          href="/appointments?sync=failed&from="
        />
        <Stat label="Manuelle Prüfung" value={m.review} tone={m.review ? "warn" : "default"} />
      </div>

      <div className="mt-6 grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader
            title="Letzte 24 Stunden"
            description={`${m.hourly.total} Syncs · Erfolgsquote ${percent(m.hourly.rate)}`}
          />
          <div className="p-5">
            <SyncChart
              points={m.hourly.points}
              label="Erfolgsquote und Dauer der Syncs pro Stunde"
              tickLabel={(d) => formatInTimeZone(d, tz, "HH")}
            />
          </div>
        </Card>
        <Card>
          <CardHeader
            title="Letzte 7 Tage"
            description={`${m.daily.total} Syncs · Erfolgsquote ${percent(m.daily.rate)}`}
          />
          <div className="p-5">
            <SyncChart
              points={m.daily.points}
              label="Erfolgsquote und Dauer der Syncs pro Tag"
              tickLabel={(d) => formatInTimeZone(d, tz, "dd.MM.")}
            />
          </div>
        </Card>
      </div>

      <Card className="mt-6">
        <CardHeader
          title="Prüfliste"
          description="Termine, bei denen Cal.com nicht zum Termin passt und ein Mensch entscheiden sollte"
        />
        {queue.length === 0 ? (
          <EmptyState title="Nichts zu prüfen">Alle bestätigten Termine stimmen mit Cal.com überein.</EmptyState>
        ) : (
          <ReviewQueue rows={queue} />
        )}
      </Card>

      <div className="mt-6 grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader
            title="Automatisch gerettet"
            description="Cal.com meldete einen Fehler, die Post-Sync-Verifikation fand die Buchungen trotzdem (Fehlalarme abgefangen)"
          />
          <div className="grid grid-cols-2 gap-4 p-5">
            <Stat label="Segmente, letzte 24 h" value={m.recoveries.day} />
            <Stat label="Segmente, letzte 7 Tage" value={m.recoveries.week} />
          </div>
          {m.recoveries.recent.length ? (
            <ul className="divide-y divide-slate-100 border-t border-slate-100 text-sm">
              {m.recoveries.recent.map((r) => (
                <li key={`${r.appointment_id}-${r.started_at}`} className="flex justify-between px-5 py-2">
                  <Link href={`/appointments/${r.appointment_id}`} className="text-brand-700 hover:underline">
                    Termin #{r.appointment_id}
                  </Link>
                  <span className="text-slate-600">
                    {r.recovered} von {r.phases} Segmenten · {formatDateTimeDe(new Date(r.started_at), tz)}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
        <Card>
          <CardHeader title="Cal.com-Fehler der letzten 7 Tage" description="Nach Fehlercode gruppiert" />
          {m.errors.length === 0 ? (
            <EmptyState title="Keine Fehler" />
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>Code</Th>
                  <Th>Anzahl</Th>
                  <Th>Termine</Th>
                  <Th>Zuletzt</Th>
                  <Th>Beispiel</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {m.errors.map((e) => (
                  <tr key={e.code}>
                    <Td>
                      <code className="font-mono text-xs">{e.code}</code>
                    </Td>
                    <Td className="tabular-nums">{e.n}</Td>
                    <Td className="tabular-nums">{e.appointments}</Td>
                    <Td className="whitespace-nowrap tabular-nums">{formatDateTimeDe(new Date(e.last_seen), tz)}</Td>
                    <Td className="max-w-xs text-xs text-slate-600">{e.example ?? "–"}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
