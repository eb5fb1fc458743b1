import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppointmentActions } from "@/components/appointments/appointment-actions";
import { AutoRefresh } from "@/components/appointments/auto-refresh";
import { FollowUpBadge, ReviewBadge, StatusBadge, TypeBadge } from "@/components/appointments/badges";
import { PhaseTimeline } from "@/components/appointments/phase-timeline";
import { SegmentTable } from "@/components/appointments/segment-table";
import { SyncBadge, syncLabel } from "@/components/appointments/sync-badge";
import { SyncLog } from "@/components/appointments/sync-log";
import { Card, CardHeader } from "@/components/ui/card";
import { CalcomMessage } from "@/components/ui/calcom-message";
import { syncErrorTitle } from "@/components/ui/calcom-messages-de";
import { CopyValue } from "@/components/ui/copy-button";
import { Notice } from "@/components/ui/notice";
import { HistoryList } from "@/components/appointments/history-list";
import { StatusActions } from "@/components/appointments/status-actions";
import { getAppointmentDetail, getAppointmentHistory } from "@/lib/appointments";
import { staffLabels } from "@/lib/staff";
import { requireAdminPage } from "@/lib/auth/web";
import { isAppError } from "@/lib/errors";
import { positiveId } from "@/lib/lists";
import {
  formatDateTimeDe,
  formatDurationDe,
  formatPhoneDe,
  formatTimeDe,
  daySpoken,
  localDate,
  countDe,
} from "@/lib/time";
import { type Fact, FactList } from "@/components/ui/fact-list";

export const metadata = { title: "Termin" };

export default async function AppointmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireAdminPage();
  const id = positiveId((await params).id);
  if (id === null) notFound();
  const detail = await getAppointmentDetail({ ctx, input: { id } }).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { appointment: a, customer, service, staff, call, phases } = detail;
  const [history, labels, query] = await Promise.all([
    getAppointmentHistory({ ctx, input: { appointmentId: a.id } }),
    staffLabels({ ctx }),
    searchParams,
  ]);
  const tz = ctx.company.timeZone;
  const required = phases.filter((p) => p.staffRequired);
  const now = new Date();
  const canChange = a.status === "confirmed" && a.startsAt > now;
  const canMark = a.status !== "cancelled" && a.startsAt <= now;
  const facts: Fact[] = [
    ["Termin", `${daySpoken(a.startsAt, tz)}, ${formatTimeDe(a.startsAt, tz)}–${formatTimeDe(a.endsAt, tz)} Uhr`],
    ["Dauer", formatDurationDe(Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000))],
    [
      "Leistung",
      <span className="inline-flex items-center gap-2">
        {service.name} <TypeBadge composite={service.composite} />
      </span>,
    ],
    ["Mitarbeiter", labels.get(staff.id) ?? staff.name],
    ["Kunde", customer.name],
    ["Telefon", customer.phone ? formatPhoneDe(customer.phone) : "–"],
    ["E-Mail", customer.email ?? "–"],
    [
      "Gebucht über",
      call ? (
        <Link className="text-brand-700 hover:underline" href={`/calls/${call.id}`}>
          Anruf vom {formatDateTimeDe(call.startedAt ?? a.createdAt, tz)}
        </Link>
      ) : (
        "Admin-Oberfläche"
      ),
    ],
    ["Angelegt", formatDateTimeDe(a.createdAt, tz)],
    ["Notiz", a.notes ?? "–"],
  ];
  const calcom: Fact[] = [
    [
      "Status",
      <span className="inline-flex gap-1.5">
        <SyncBadge status={a.calcomSyncStatus} appointmentStatus={a.status} />
        {a.requiresManualReview ? <ReviewBadge /> : null}
      </span>,
    ],
    [
      "Haupt-Buchung (Buchungs-ID)",
      a.calcomV2BookingId ? <CopyValue value={String(a.calcomV2BookingId)} label="Buchungs-ID" /> : "–",
    ],
    [
      "Haupt-Buchung (Buchungscode)",
      a.calcomV2BookingUid ? <CopyValue value={a.calcomV2BookingUid} label="Buchungscode" wrap /> : "–",
    ],
    ["Geprüft", a.syncVerifiedAt ? formatDateTimeDe(a.syncVerifiedAt, tz) : "–"],
    a.status === "cancelled"
      ? ["Stornierung in Cal.com", syncLabel(a.calcomSyncStatus, a.status).label]
      : [
          "Segmente in Cal.com",
          `${required.filter((p) => p.calcomSyncStatus === "synced").length} von ${required.length}`,
        ],
  ];
  return (
    <>
      <AutoRefresh active={a.calcomSyncStatus === "pending"} />
      <Link href="/appointments" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← Alle Termine
      </Link>
      <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
            {service.name} · {customer.name}
          </h1>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <StatusBadge status={a.status} />
            <SyncBadge status={a.calcomSyncStatus} appointmentStatus={a.status} />
            {a.requiresManualReview ? <ReviewBadge /> : null}
            {a.followUpReason ? <FollowUpBadge reason={a.followUpReason} /> : null}
            <span className="text-sm text-slate-500">Termin #{a.id}</span>
          </div>
        </div>
      </header>
      {query.angelegt === "1" ? (
        <div className="mb-6">
          <Notice tone="success">Termin angelegt. Die Cal.com-Buchungen werden gerade angelegt.</Notice>
        </div>
      ) : null}
      {a.followUpReason && a.status === "confirmed" ? (
        <div className="mb-6">
          <Notice tone="warn">
            {a.followUpReason}
            {a.followUpAt ? ` (markiert am ${formatDateTimeDe(a.followUpAt, tz)})` : ""}. Der Termin wurde nicht
            abgesagt.
          </Notice>
        </div>
      ) : null}
      <Card className="mb-6 p-5">
        <AppointmentActions
          id={a.id}
          canChange={canChange}
          today={localDate(now, tz)}
          syncStatus={a.calcomSyncStatus}
          cancelled={a.status === "cancelled"}
          renderId={randomUUID()}
        />
        {canMark ? (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <StatusActions id={a.id} status={a.status} />
          </div>
        ) : null}
        {a.syncErrorMessage ? (
          <div className="mt-3">
            <Notice tone={a.requiresManualReview ? "error" : "warn"}>
              <strong>{syncErrorTitle(a.syncErrorCode)}:</strong> <CalcomMessage message={a.syncErrorMessage} />
            </Notice>
          </div>
        ) : null}
      </Card>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Termindaten" />
          <FactList facts={facts} />
        </Card>
        <Card>
          <CardHeader title="Cal.com" />
          <FactList facts={calcom} />
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader
          title="Ablauf"
          description={
            service.composite
              ? `${countDe(required.length, "Segment", "Segmente")} mit Mitarbeiter, ${countDe(phases.length - required.length, "Einwirkzeit", "Einwirkzeiten")}`
              : "Ein Segment"
          }
        />
        <PhaseTimeline phases={phases} timeZone={tz} />
      </Card>
      <Card className="mt-6">
        <CardHeader title="Segmente" description="Jedes Segment mit Mitarbeiter ist eine eigene Cal.com-Buchung" />
        <SegmentTable phases={phases} timeZone={tz} detailed />
      </Card>
      <Card className="mt-6">
        <CardHeader title="Verlauf" description="Jede Änderung an diesem Termin: wer, wann, über welchen Weg" />
        <HistoryList entries={history} timeZone={tz} />
      </Card>
      <Card className="mt-6">
        <CardHeader title="Sync-Verlauf" description="Anfragen an Cal.com für diesen Termin (neueste zuerst)" />
        <SyncLog attempts={detail.attempts} timeZone={tz} />
      </Card>
    </>
  );
}
