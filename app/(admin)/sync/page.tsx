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
import { cardHref, getSyncMonitor, MONITOR_CARDS, type MonitorCardKey, syncCause } from "@/lib/calcom/sync";
import { countDe, formatDateTimeDe } from "@/lib/time";
import { formatInTimeZone } from "date-fns-tz";

export const metadata = { title: "Sync-Monitor" };

const percent = (rate: number | null) => (rate === null ? "–" : `${(rate * 100).toFixed(1).replace(".", ",")} %`);
const WARN: MonitorCardKey[] = ["partial", "failed", "review"];

export default async function SyncPage() {
  const ctx = await requireAdminPage();
  const now = new Date();
  const m = await getSyncMonitor({ ctx, now });
  const tz = ctx.company.timeZone;
  const queue: QueueRow[] = m.queue.map((q) => ({
    id: q.id,
    when: formatDateTimeDe(q.startsAt, tz),
    past: q.startsAt < now,
    status: q.status,
    customerName: q.customerName,
    service: q.serviceName,
    staffName: q.staffName,
    syncStatus: q.syncStatus,
    cause: q.errorCode ? syncCause(q.errorCode) : null,
    errorMessage: q.errorMessage,
  }));
  const summary = (s: { total: number; failed: number; rate: number | null }) =>
    `${countDe(s.total, "Abgleich", "Abgleiche")} · Erfolgsquote ${percent(s.rate)}` +
    (s.failed ? ` · ${s.failed} nicht gelungen` : "");
  return (
    <>
      <AutoRefresh active={m.cards.pending > 0 || m.queue.some((q) => q.syncStatus === "pending")} intervalMs={5000} />
      <PageHeader title="Sync-Monitor" description="Wie gut Cal.com mit den Terminen übereinstimmt" />
      <div className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-5">
        {(Object.keys(MONITOR_CARDS) as MonitorCardKey[]).map((key) => (
          <Stat
            key={key}
            label={MONITOR_CARDS[key].label}
            value={m.cards[key]}
            hint={key === "review" ? "alle Termine, auch vergangene" : "bestätigte Termine"}
            tone={WARN.includes(key) && m.cards[key] ? "warn" : "default"}
            href={cardHref(key)}
          />
        ))}
      </div>

      <div className="mt-6 grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="Letzte 24 Stunden" description={summary(m.hourly)} />
          <div className="p-5">
            <SyncChart
              points={m.hourly.points}
              label="Erfolgsquote und Dauer der Abgleiche pro Stunde"
              tickLabel={(d) => formatInTimeZone(d, tz, "HH")}
            />
          </div>
        </Card>
        <Card>
          <CardHeader title="Letzte 7 Tage" description={summary(m.daily)} />
          <div className="p-5">
            <SyncChart
              points={m.daily.points}
              label="Erfolgsquote und Dauer der Abgleiche pro Tag"
              tickLabel={(d) => formatInTimeZone(d, tz, "dd.MM.")}
            />
          </div>
        </Card>
      </div>

      <Card className="mt-6">
        <div id="pruefliste" />
        <CardHeader
          title="Prüfliste"
          description={`${countDe(m.cards.review, "Termin passt", "Termine passen")} nicht zu Cal.com – bitte prüfen, erneut synchronisieren oder mit Begründung als erledigt markieren`}
        />
        {queue.length === 0 ? (
          <EmptyState title="Nichts zu prüfen">Alle Termine stimmen mit Cal.com überein.</EmptyState>
        ) : (
          <>
            {m.cards.review > queue.length ? (
              <p className="px-5 pt-3 text-sm text-slate-600">
                Die ersten {queue.length} von {m.cards.review} –{" "}
                <Link href={cardHref("review")} className="text-brand-700 hover:underline">
                  alle anzeigen
                </Link>
              </p>
            ) : null}
            <ReviewQueue rows={queue} />
          </>
        )}
      </Card>

      <div className="mt-6 grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader
            title="Automatisch gerettet"
            description="Cal.com meldete einen Fehler, die automatische Nachprüfung fand die Buchung trotzdem. Funde beim Prüfen von Hand zählen extra."
          />
          <div className="grid grid-cols-2 gap-4 p-5">
            <Stat label="Segmente, letzte 24 h" value={m.recoveries.automatic.day} />
            <Stat label="Segmente, letzte 7 Tage" value={m.recoveries.automatic.week} />
            <Stat label="Von Hand geprüft, letzte 24 h" value={m.recoveries.manual.day} />
            <Stat label="Von Hand geprüft, letzte 7 Tage" value={m.recoveries.manual.week} />
          </div>
          {m.recoveries.recent.length ? (
            <ul className="divide-y divide-slate-100 border-t border-slate-100 text-sm">
              {m.recoveries.recent.map((r) => (
                <li key={`${r.appointment_id}-${r.started_at}`} className="flex justify-between px-5 py-2">
                  <Link href={`/appointments/${r.appointment_id}`} className="text-brand-700 hover:underline">
                    Termin #{r.appointment_id}
                  </Link>
                  <span className="text-slate-600">
                    {r.recovered} von {countDe(r.phases, "Segment", "Segmenten")} ·{" "}
                    {r.manual ? "von Hand geprüft" : "automatisch"} · {formatDateTimeDe(new Date(r.started_at), tz)}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
        <Card>
          <CardHeader
            title="Cal.com-Fehler der letzten 7 Tage"
            description="Die nicht gelungenen Abgleiche aus der Erfolgsquote, nach Ursache gruppiert"
          />
          {m.errors.length === 0 ? (
            <EmptyState title="Keine Fehler" />
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>Ursache</Th>
                  <Th>Abgleiche</Th>
                  <Th>Termine</Th>
                  <Th>Zuletzt</Th>
                  <Th>Was tun?</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {m.errors.map((e) => (
                  <tr key={e.key}>
                    <Td className="font-medium text-slate-900">{e.label}</Td>
                    <Td className="tabular-nums">{e.runs}</Td>
                    <Td className="tabular-nums">{e.appointments}</Td>
                    <Td className="whitespace-nowrap tabular-nums">{formatDateTimeDe(e.lastSeen, tz)}</Td>
                    <Td className="max-w-xs text-xs text-slate-600">
                      {e.todo}{" "}
                      {e.link ? (
                        <Link href={e.link.href} className="text-brand-700 hover:underline">
                          {e.link.label}
                        </Link>
                      ) : null}
                      {e.example ? <span className="mt-1 block text-slate-500">Zuletzt: {e.example}</span> : null}
                    </Td>
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
