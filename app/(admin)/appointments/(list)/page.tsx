import { SyncBadge } from "@/components/appointments/sync-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listUpcomingAppointments } from "@/lib/appointments/list-upcoming";
import { requireAdminPage } from "@/lib/auth/session";
import { formatDateTimeDe, formatTimeDe } from "@/lib/time/format-de";

export const metadata = { title: "Termine" };

const STATUS = { confirmed: "Bestätigt", cancelled: "Storniert", completed: "Erledigt", no_show: "Nicht erschienen" } as const;

export default async function AppointmentsPage() {
  const ctx = await requireAdminPage();
  const rows = await listUpcomingAppointments({ ctx });
  const tz = ctx.company.timeZone;
  return (
    <>
      <PageHeader title="Termine" description="Anstehende Termine, nächste zuerst" />
      <Card>
        {rows.length === 0 ? (
          <EmptyState title="Keine anstehenden Termine" />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Beginn</Th>
                <Th>Kunde</Th>
                <Th>Service</Th>
                <Th>Typ</Th>
                <Th>Mitarbeiter</Th>
                <Th>Status</Th>
                <Th>Cal.com</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((a) => (
                <tr key={a.id}>
                  <Td className="whitespace-nowrap tabular-nums">
                    {formatDateTimeDe(a.startsAt, tz)}–{formatTimeDe(a.endsAt, tz)}
                  </Td>
                  <Td className="font-medium text-slate-900">{a.customerName}</Td>
                  <Td>{a.composite ? `${a.serviceName} (${a.segments} Segmente)` : a.serviceName}</Td>
                  <Td>{a.composite ? <Badge tone="violet">Compound</Badge> : <Badge>Standard</Badge>}</Td>
                  <Td>{a.staffName}</Td>
                  <Td>{STATUS[a.status]}</Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      <SyncBadge status={a.syncStatus} />
                      {a.requiresManualReview ? <Badge tone="red">Prüfen</Badge> : null}
                    </div>
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
