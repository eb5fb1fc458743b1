import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireAdminPage } from "@/lib/auth/session";
import { listStaff } from "@/lib/staff/list-staff";

export const metadata = { title: "Mitarbeiter" };

export default async function StaffPage() {
  const ctx = await requireAdminPage();
  const rows = await listStaff({ ctx });
  return (
    <>
      <PageHeader title="Mitarbeiter" description="Arbeitszeiten und Leistungen" />
      <Card>
        {rows.length === 0 ? (
          <EmptyState title="Noch keine Mitarbeiter angelegt" />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Arbeitszeiten</Th>
                <Th>Leistungen</Th>
                <Th>Cal.com-Nutzer</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((m) => (
                <tr key={m.id}>
                  <Td>
                    <div className="flex items-center gap-2 font-medium text-slate-900">
                      {m.name}
                      {m.mergedInto ? <Badge>Zusammengeführt</Badge> : !m.active ? <Badge>Inaktiv</Badge> : null}
                    </div>
                    <div className="text-xs text-slate-500">{m.email ?? "keine E-Mail"}</div>
                  </Td>
                  <Td className="text-xs">{m.hours.length ? m.hours.join(" · ") : "–"}</Td>
                  <Td className="text-xs">{m.services.join(", ") || "–"}</Td>
                  <Td className="tabular-nums">{m.calcomUserId ?? "–"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
