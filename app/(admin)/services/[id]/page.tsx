import Link from "next/link";
import { Suspense } from "react";
import { TypeBadge } from "@/components/appointments/badges";
import { ServiceForm, type ServiceFormValues } from "@/components/services/service-form";
import { ServiceHealth } from "@/components/services/service-health";
import { ServiceManage } from "@/components/services/service-manage";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Skeleton } from "@/components/ui/skeleton";
import { requireAdminPage } from "@/lib/auth/web";
import { positiveId } from "@/lib/lists";
import { countDe } from "@/lib/time";
import { getService, type ServiceDetail, listAssignableStaff } from "@/lib/catalog";

export const metadata = { title: "Leistung bearbeiten" };

const formValues = (s: ServiceDetail): ServiceFormValues => ({
  name: s.name,
  synonyms: s.synonyms.join(", "),
  price: s.priceCents === null ? "" : (s.priceCents / 100).toFixed(2).replace(".", ","),
  active: s.active,
  staffIds: s.staffIds,
  composite: s.composite,
  durationMinutes: String(s.durationMinutes),
  segments: s.segments.map((seg) => ({
    key: seg.key,
    name: seg.name,
    durationMinutes: String(seg.durationMinutes),
    staffRequired: seg.staffRequired,
  })),
});

export default async function ServicePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireAdminPage();
  // The layout already answered 404 for ids that are not this company's.
  const id = positiveId((await params).id)!;
  const [service, staff] = await Promise.all([getService({ ctx, input: { id } }), listAssignableStaff({ ctx })]);
  return (
    <>
      <Link href="/services" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← Alle Leistungen
      </Link>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{service.name}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <TypeBadge composite={service.composite} />
          {service.active ? <Badge tone="green">Aktiv</Badge> : <Badge tone="amber">Inaktiv</Badge>}
          <span className="text-sm text-slate-500">Leistung #{service.id}</span>
        </div>
      </header>
      <Card className="mb-6">
        <CardHeader title="Angaben" description="Name, Preis, Mitarbeiter und Ablauf" />
        {service.appointmentCount > 0 ? (
          <div className="px-5 pt-4">
            <Notice>
              {countDe(service.appointmentCount, "Termin nutzt", "Termine nutzen")} diese Leistung. Sie behalten ihre
              Segmente, wie sie bei der Buchung waren (es sind Kopien) – Änderungen gelten nur für neue Buchungen.
            </Notice>
          </div>
        ) : null}
        <ServiceForm serviceId={service.id} initial={formValues(service)} staff={staff} />
      </Card>
      <Card className="mb-6">
        <CardHeader
          title="Cal.com-Event-Typen"
          description="Welcher Event-Typ für welches Segment und welchen Mitarbeiter gebucht wird"
        />
        <Suspense fallback={<Skeleton className="m-5 h-24" />}>
          <ServiceHealth ctx={ctx} serviceId={service.id} active={service.active} />
        </Suspense>
      </Card>
      <Card className="p-5">
        <ServiceManage
          id={service.id}
          name={service.name}
          active={service.active}
          appointmentCount={service.appointmentCount}
        />
      </Card>
    </>
  );
}
