import Link from "next/link";
import { Suspense } from "react";
import { CompanyHealth } from "@/components/services/company-health";
import { ProvisioningPanel } from "@/components/services/provisioning-panel";
import { ServiceCard } from "@/components/services/service-card";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { requireAdminPage } from "@/lib/auth/web";
import { listServices } from "@/lib/catalog";
import { countDe } from "@/lib/time";

export const metadata = { title: "Leistungen" };

export default async function ServicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireAdminPage();
  const [rows, { neu }] = await Promise.all([listServices({ ctx }), searchParams]);
  // Set by the form after "Leistung anlegen", so the list can confirm what was created.
  const created = typeof neu === "string" ? rows.find((s) => String(s.id) === neu) : undefined;
  const active = rows.filter((s) => s.active).length;
  return (
    <>
      <PageHeader
        title="Leistungen"
        description={
          rows.length
            ? `${countDe(rows.length, "Leistung", "Leistungen")}, davon ${active} aktiv – mit Segmenten, Einwirkzeiten und Cal.com-Event-Typen`
            : undefined
        }
        actions={
          <Link href="/services/new" className={buttonClass("primary")}>
            Neue Leistung
          </Link>
        }
      />
      {created ? (
        <div className="mb-6">
          <Notice tone="success">Leistung „{created.name}“ angelegt.</Notice>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <Card>
          <EmptyState title="Noch keine Leistungen angelegt">
            Legen Sie mit „Neue Leistung“ die erste Leistung an, z. B. einen Herrenhaarschnitt oder eine Dauerwelle.
          </EmptyState>
        </Card>
      ) : (
        <>
          <Card className="mb-6">
            <CardHeader
              title="Cal.com-Event-Typen"
              description="Jedes Segment mit Mitarbeiter wird über einen eigenen Event-Typ in Cal.com gebucht"
            />
            <Suspense fallback={<Skeleton className="m-5 h-16" />}>
              <CompanyHealth ctx={ctx} />
            </Suspense>
            <div className="border-t border-slate-100">
              <ProvisioningPanel />
            </div>
          </Card>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            {rows.map((s) => (
              <ServiceCard key={s.id} service={s} />
            ))}
          </div>
        </>
      )}
    </>
  );
}
