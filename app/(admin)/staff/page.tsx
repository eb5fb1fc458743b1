import Link from "next/link";
import { MergePanel } from "@/components/staff/merge-panel";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireAdminPage } from "@/lib/auth/web";
import { findDuplicateStaff, listStaff } from "@/lib/staff";
import { formatPhoneDe } from "@/lib/time";

export const metadata = { title: "Mitarbeiter" };

export default async function StaffPage({ searchParams }: { searchParams: Promise<{ merged?: string }> }) {
  const ctx = await requireAdminPage();
  const [rows, groups] = await Promise.all([listStaff({ ctx }), findDuplicateStaff({ ctx })]);
  const duplicateIds = new Set(groups.flatMap((g) => g.staff.map((s) => s.id)));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const mergedId = (await searchParams).merged;
  const merged = rows.find((r) => r.id === mergedId && r.mergedInto);
  return (
    <>
      <PageHeader
        title="Mitarbeiter"
        description={`${rows.filter((r) => r.active && !r.mergedInto).length} aktiv, ${rows.filter((r) => !r.active && !r.mergedInto).length} inaktiv – Arbeitszeiten, Leistungen, Abwesenheiten und doppelte Einträge`}
        actions={
          <Link href="/staff/new" className={buttonClass("primary")}>
            Neue Mitarbeiterin
          </Link>
        }
      />
      {merged ? (
        <div className="mb-6" role="status">
          <Notice tone="success">
            Zusammengeführt: „{merged.name}“ ({merged.email ?? "ohne E-Mail"}) ist jetzt Teil von „
            {names.get(merged.mergedInto!)}“. Termine, Cal.com-Zuordnungen, Leistungen und Arbeitszeiten gehören zum
            verbleibenden Eintrag.
          </Notice>
        </div>
      ) : null}
      {groups.map((group) => (
        <Card key={group.staff[0]!.id} className="mb-6 border-amber-200">
          <CardHeader
            title={`Mögliches Duplikat: ${group.staff[0]!.name}`}
            description="Bis die Einträge zusammengeführt sind oder einer deaktiviert ist, gelten sie als eine Person: Ein Termin bei einem Eintrag blockiert den anderen."
          />
          <MergePanel
            members={group.staff.map((s) => ({
              ...s,
              label: rows.find((r) => r.id === s.id)?.label ?? s.name,
              appointments: rows.find((r) => r.id === s.id)?.appointments ?? 0,
            }))}
            reasons={group.reasons}
          />
        </Card>
      ))}
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
                <Th>Termine</Th>
                <Th>Cal.com-Nutzer</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((m) => (
                <tr key={m.id} className={m.mergedInto ? "opacity-60" : ""}>
                  <Td>
                    <div className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                      {m.color ? (
                        <span
                          aria-hidden
                          className="inline-block h-3 w-3 rounded-full"
                          style={{ background: m.color }}
                        />
                      ) : null}
                      {m.mergedInto ? (
                        m.name
                      ) : (
                        <Link href={`/staff/${m.id}`} className="text-brand-700 hover:underline">
                          {m.label}
                        </Link>
                      )}
                      {duplicateIds.has(m.id) ? <Badge tone="amber">Duplikat?</Badge> : null}
                      {m.mergedInto ? (
                        <Badge>zusammengeführt in {names.get(m.mergedInto) ?? "anderen Eintrag"}</Badge>
                      ) : !m.active ? (
                        <Badge tone="amber">Inaktiv</Badge>
                      ) : (
                        <Badge tone="green">Aktiv</Badge>
                      )}
                    </div>
                    <div className="text-xs text-slate-500">
                      {[m.email, m.phone && formatPhoneDe(m.phone)].filter(Boolean).join(" · ") || "keine Kontaktdaten"}
                    </div>
                  </Td>
                  <Td className="text-xs">{m.hours.length ? m.hours.join(" · ") : "–"}</Td>
                  <Td className="text-xs">{m.services.join(", ") || "–"}</Td>
                  <Td className="tabular-nums">{m.appointments}</Td>
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
