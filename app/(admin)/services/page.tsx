import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/session";
import { listServices } from "@/lib/services/list-services";
import { formatDurationDe, formatEuro } from "@/lib/time/format-de";

export const metadata = { title: "Services" };

export default async function ServicesPage() {
  const ctx = await requireAdminPage();
  const rows = await listServices({ ctx });
  if (rows.length === 0) {
    return (
      <>
        <PageHeader title="Services" />
        <Card>
          <EmptyState title="Noch keine Services angelegt" />
        </Card>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Services" description="Leistungen, ihre Segmente und Einwirkzeiten" />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        {rows.map((s) => (
          <Card key={s.id}>
            <CardHeader
              title={s.name}
              description={`${formatDurationDe(s.durationMinutes)}${s.priceCents ? ` · ${formatEuro(s.priceCents)}` : ""}${s.synonyms.length ? ` · auch: ${s.synonyms.join(", ")}` : ""}`}
              actions={s.composite ? <Badge tone="violet">Compound</Badge> : <Badge>Standard</Badge>}
            />
            {s.composite ? (
              <ol className="divide-y divide-slate-100">
                {s.segments.map((seg) => (
                  <li key={seg.id} className="flex items-center gap-3 px-5 py-2 text-sm">
                    <Badge tone={seg.staffRequired ? "brand" : "gray"}>{seg.key}</Badge>
                    <span className="flex-1">{seg.name}</span>
                    <span className="tabular-nums text-slate-500">{seg.durationMinutes} min</span>
                    {!seg.staffRequired ? <span className="text-xs text-slate-400">Einwirkzeit</span> : null}
                  </li>
                ))}
              </ol>
            ) : null}
          </Card>
        ))}
      </div>
    </>
  );
}
