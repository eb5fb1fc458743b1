import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireAdminPage } from "@/lib/auth/session";
import { listRecentCalls } from "@/lib/calls/list-recent-calls";
import { formatDateTimeDe } from "@/lib/time/format-de";

export const metadata = { title: "Anrufe" };

export default async function CallsPage() {
  const ctx = await requireAdminPage();
  const rows = await listRecentCalls({ ctx });
  const tz = ctx.company.timeZone;
  return (
    <>
      <PageHeader title="Anrufe" description="Gespräche des Telefon-Assistenten, neueste zuerst" />
      <Card>
        {rows.length === 0 ? (
          <EmptyState title="Noch keine Anrufe">Sobald der Telefon-Assistent Anrufe annimmt, erscheinen sie hier.</EmptyState>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Zeit</Th>
                <Th>Anrufer</Th>
                <Th>Dauer</Th>
                <Th>Zusammenfassung</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((c) => (
                <tr key={c.id}>
                  <Td className="whitespace-nowrap tabular-nums">{c.startedAt ? formatDateTimeDe(c.startedAt, tz) : "–"}</Td>
                  <Td>
                    <div className="font-medium text-slate-900">{c.customerName ?? "Unbekannt"}</div>
                    <div className="text-xs text-slate-500">{c.fromNumber}</div>
                  </Td>
                  <Td className="tabular-nums">{c.durationSeconds ? `${Math.floor(c.durationSeconds / 60)}:${String(c.durationSeconds % 60).padStart(2, "0")} min` : "–"}</Td>
                  <Td className="max-w-xl">{c.summary ?? "–"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
