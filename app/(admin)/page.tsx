import Link from "next/link";
import { SyncBadge } from "@/components/appointments/sync-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th } from "@/components/ui/table";
import { requireAdminPage } from "@/lib/auth/web";
import { cardHref } from "@/lib/calcom/sync";
import { getOverview } from "@/lib/dashboard";
import { dateSpoken, formatDateTimeDe, formatTimeDe, countDe } from "@/lib/time";

export const metadata = { title: "Übersicht" };

export default async function OverviewPage() {
  const ctx = await requireAdminPage();
  const overview = await getOverview({ ctx });
  const tz = ctx.company.timeZone;
  return (
    <>
      <PageHeader title="Übersicht" description={dateSpoken(new Date(), tz)} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="Termine heute" value={overview.appointmentsToday} href={overview.hrefs.today} />
        <Stat
          label="Termine in den nächsten 7 Tagen"
          value={overview.appointmentsNext7Days}
          href={overview.hrefs.week}
        />
        <Stat label="Anrufe heute" value={overview.callsToday} href={overview.hrefs.calls} />
        <Stat
          label="Manuelle Prüfung nötig"
          value={overview.needsReview}
          hint={
            overview.pendingSync
              ? `${countDe(overview.pendingSync, "bestätigter Termin wartet", "bestätigte Termine warten")} auf Cal.com`
              : "Kalender-Abgleich aktuell"
          }
          href={cardHref("review")}
          tone={overview.needsReview > 0 ? "warn" : "default"}
        />
      </div>
      <Card className="mt-6">
        <CardHeader title="Nächste Termine" description="Bestätigte Termine ab jetzt" />
        {overview.upcoming.length === 0 ? (
          <EmptyState title="Keine anstehenden Termine">
            Neue Buchungen des Telefon-Assistenten erscheinen hier sofort.
          </EmptyState>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Zeit</Th>
                <Th>Kunde</Th>
                <Th>Leistung</Th>
                <Th>Mitarbeiter</Th>
                <Th>Cal.com</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {overview.upcoming.map((a) => (
                <tr key={a.id}>
                  <Td className="whitespace-nowrap tabular-nums">
                    {formatDateTimeDe(a.startsAt, tz)}–{formatTimeDe(a.endsAt, tz)}
                  </Td>
                  <Td className="font-medium text-slate-900">
                    <Link href={`/appointments/${a.id}`} className="text-brand-700 hover:underline">
                      {a.customerName}
                    </Link>
                  </Td>
                  <Td>{a.composite ? `${a.serviceName} (${a.segments} Segmente)` : a.serviceName}</Td>
                  <Td>{a.staffName}</Td>
                  <Td>
                    <SyncBadge status={a.syncStatus} appointmentStatus={a.status} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
