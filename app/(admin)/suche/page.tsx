import Link from "next/link";
import { StatusBadge } from "@/components/appointments/badges";
import { OutcomeBadge } from "@/components/calls/badges";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/web";
import { searchEverywhere } from "@/lib/search";
import { formatDateTimeDe } from "@/lib/time";

export const metadata = { title: "Suche" };

function Section({
  title,
  total,
  shown,
  all,
  children,
}: {
  title: string;
  total: number;
  shown: number;
  all: string;
  children: React.ReactNode;
}) {
  return (
    <Card className="mb-6">
      <CardHeader
        title={`${title} (${total})`}
        actions={
          total > 0 ? (
            <Link href={all} className="text-sm text-brand-700 hover:underline">
              alle anzeigen{total > shown ? ` (${total})` : ""} →
            </Link>
          ) : null
        }
      />
      {total === 0 ? (
        <p className="p-5 text-sm text-slate-500">Nichts gefunden.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">{children}</ul>
      )}
    </Card>
  );
}

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireAdminPage();
  const raw = (await searchParams).q;
  const q = (typeof raw === "string" ? raw : "").trim().slice(0, 100);
  const found = await searchEverywhere({ ctx, input: { q } });
  const tz = ctx.company.timeZone;
  const param = encodeURIComponent(q);
  return (
    <>
      <PageHeader
        title={q ? `Suche: „${q}“` : "Suche"}
        description="Kunden, Termine und Anrufe – nach Name oder Telefonnummer in jeder Schreibweise"
      />
      {!q ? (
        <p className="text-sm text-slate-500">Geben Sie oben einen Namen oder eine Telefonnummer ein.</p>
      ) : (
        <>
          <Section
            title="Kunden"
            total={found.totals.customers}
            shown={found.customers.length}
            all={`/kunden?q=${param}`}
          >
            {found.customers.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-3 px-5 py-2.5">
                <Link href={`/kunden/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {c.name}
                </Link>
                <span className="tabular-nums text-slate-500">{c.phone ?? ""}</span>
                <span className="text-slate-500">{c.email ?? ""}</span>
              </li>
            ))}
          </Section>
          <Section
            title="Termine"
            total={found.totals.appointments}
            shown={found.appointments.length}
            all={`/appointments?from=&q=${param}`}
          >
            {found.appointments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-3 px-5 py-2.5">
                <Link href={`/appointments/${a.id}`} className="tabular-nums text-brand-700 hover:underline">
                  {formatDateTimeDe(a.startsAt, tz)}
                </Link>
                <span className="font-medium text-slate-900">{a.customerName}</span>
                <span className="text-slate-600">
                  {a.serviceName} · {a.staffName}
                </span>
                <StatusBadge status={a.status} />
              </li>
            ))}
          </Section>
          <Section title="Anrufe" total={found.totals.calls} shown={found.calls.length} all={`/calls?q=${param}`}>
            {found.calls.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-3 px-5 py-2.5">
                <Link href={`/calls/${c.id}`} className="tabular-nums text-brand-700 hover:underline">
                  {c.startedAt ? formatDateTimeDe(c.startedAt, tz) : "–"}
                </Link>
                <span className="font-medium text-slate-900">{c.customerName ?? "Unbekannt"}</span>
                <span className="tabular-nums text-slate-500">{c.fromNumber ?? "unterdrückt"}</span>
                <OutcomeBadge outcome={c.outcome} />
              </li>
            ))}
          </Section>
        </>
      )}
    </>
  );
}
