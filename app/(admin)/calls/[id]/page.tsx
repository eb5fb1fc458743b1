import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewBadge, serviceLabel, StatusBadge } from "@/components/appointments/badges";
import { SegmentTable } from "@/components/appointments/segment-table";
import { SyncBadge } from "@/components/appointments/sync-badge";
import { formatSeconds, OutcomeBadge, SentimentBadge } from "@/components/calls/badges";
import { FunctionCalls } from "@/components/calls/function-calls";
import { Transcript } from "@/components/calls/transcript";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyValue } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/web";
import { getCallDetail } from "@/lib/calls";
import { isAppError } from "@/lib/errors";
import { positiveId } from "@/lib/lists";
import { staffLabels } from "@/lib/staff";
import { formatDateTimeDe, formatPhoneDe, formatTimeDe } from "@/lib/time";
import { type Fact, FactList } from "@/components/ui/fact-list";

export const metadata = { title: "Anruf" };

const DISCONNECT: Record<string, string> = {
  user_hangup: "Anrufer hat aufgelegt",
  agent_hangup: "Assistentin hat beendet",
  call_transfer: "Weitergeleitet",
  voicemail_reached: "Mailbox",
  inactivity: "Keine Reaktion",
  max_duration_reached: "Maximaldauer erreicht",
};

const TOUCHED: Record<string, string> = { created: "gebucht", moved: "verschoben", cancelled: "abgesagt" };

export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireAdminPage();
  const id = positiveId((await params).id);
  if (id === null) notFound();
  const detail = await getCallDetail({ ctx, input: { id } }).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { call, customer } = detail;
  const labels = await staffLabels({ ctx });
  const tz = ctx.company.timeZone;
  const start = call.startedAt ?? call.createdAt;
  const turns = call.transcriptObject ?? [];
  const inProgress = call.endedAt === null;
  const facts: Fact[] = [
    [
      "Anrufer",
      customer ? (
        <Link
          href={`/appointments?q=${encodeURIComponent(customer.name)}&from=`}
          className="text-brand-700 hover:underline"
        >
          {customer.name}
        </Link>
      ) : (
        "Unbekannt"
      ),
    ],
    ["Nummer", <span className="tabular-nums">{formatPhoneDe(call.fromNumber)}</span>],
    ["Beginn", formatDateTimeDe(start, tz)],
    ["Dauer", formatSeconds(call.durationSeconds)],
    ["Ergebnis", <OutcomeBadge outcome={call.outcome} inProgress={inProgress} />],
    ["Stimmung", <SentimentBadge sentiment={call.sentiment} />],
    [
      "Beendet",
      inProgress
        ? "Läuft gerade"
        : call.disconnectionReason
          ? (DISCONNECT[call.disconnectionReason] ?? call.disconnectionReason)
          : "–",
    ],
    ["Retell-Anruf-ID", <CopyValue value={call.retellCallId} label="Anruf-ID" wrap />],
  ];
  return (
    <>
      <Link href="/calls" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← Alle Anrufe
      </Link>
      <PageHeader
        title={`Anruf vom ${formatDateTimeDe(start, tz)}`}
        description={customer?.name ?? formatPhoneDe(call.fromNumber)}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader title="Anrufdaten" />
          <FactList facts={facts} />
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title="Zusammenfassung" />
          <p className="px-5 py-4 text-sm leading-relaxed text-slate-700">
            {call.summary ?? "Noch keine Zusammenfassung (kommt mit der Auswertung nach dem Anruf)."}
          </p>
        </Card>
      </div>

      <Card className="mt-6">
        <CardHeader
          title="Termine aus diesem Anruf"
          description="Was der Anrufer gebucht, verschoben oder abgesagt hat"
        />
        {detail.touched.length === 0 ? (
          <p className="px-5 py-6 text-sm text-slate-500">In diesem Anruf wurde kein Termin geändert.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {detail.touched.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center gap-2 px-5 py-3 text-sm">
                <Link href={`/appointments/${t.id}`} className="font-medium text-brand-700 hover:underline">
                  {t.serviceName} · Termin #{t.id}
                </Link>
                <span className="text-slate-600">
                  {formatDateTimeDe(t.startsAt, tz)}–{formatTimeDe(t.endsAt, tz)} ·{" "}
                  {labels.get(t.staffId) ?? t.staffName}
                </span>
                <span className="text-slate-700">{t.actions.map((a) => TOUCHED[a]).join(", ")}</span>
                <StatusBadge status={t.status} />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card className="mt-6">
        <CardHeader
          title="Gebuchte Segmente"
          description="Jedes Segment mit Mitarbeiter ist eine eigene Cal.com-Buchung"
        />
        {detail.appointments.length === 0 ? (
          <p className="px-5 py-6 text-sm text-slate-500">In diesem Anruf wurde kein Termin gebucht.</p>
        ) : (
          detail.appointments.map(({ appointment, serviceName, composite, staffName, phases }) => (
            <section
              key={appointment.id}
              className="border-t border-slate-100 first:border-t-0"
              aria-label={`Termin ${appointment.id}`}
            >
              <div className="flex flex-wrap items-center gap-2 px-5 pt-4">
                <Link href={`/appointments/${appointment.id}`} className="font-medium text-brand-700 hover:underline">
                  {serviceLabel(serviceName, composite, phases.filter((p) => p.staffRequired).length)}
                </Link>
                <span className="text-sm text-slate-600">
                  {formatDateTimeDe(appointment.startsAt, tz)}–{formatTimeDe(appointment.endsAt, tz)} · {staffName}
                </span>
                <StatusBadge status={appointment.status} />
                <SyncBadge status={appointment.calcomSyncStatus} appointmentStatus={appointment.status} />
                {appointment.requiresManualReview ? <ReviewBadge /> : null}
              </div>
              <div className="pb-2 pt-3">
                <SegmentTable phases={phases} timeZone={tz} detailed={false} />
              </div>
            </section>
          ))
        )}
      </Card>

      <div className="mt-6 grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="Gesprächsverlauf" />
          <Transcript turns={turns} />
        </Card>
        <Card>
          <CardHeader
            title="Funktionsaufrufe"
            description="Was die Assistentin SlotDesk gefragt hat, in dieser Reihenfolge"
          />
          <FunctionCalls
            entries={detail.functionCalls.map((f) => ({
              id: f.id,
              name: f.name,
              args: f.args,
              result: f.result,
              latencyMs: f.latencyMs,
              time: new Intl.DateTimeFormat("de-DE", {
                timeZone: tz,
                hour: "2-digit",
                minute: "2-digit",
                second: "2-digit",
              }).format(f.createdAt),
            }))}
          />
        </Card>
      </div>
    </>
  );
}
