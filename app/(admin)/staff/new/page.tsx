import Link from "next/link";
import { NewStaffForm } from "@/components/staff/new-staff-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/web";
import { listServices } from "@/lib/catalog";

export const metadata = { title: "Neue Mitarbeiterin" };

export default async function NewStaffPage() {
  const ctx = await requireAdminPage();
  const services = await listServices({ ctx });
  // Her hours start as the salon's opening hours; the admin trims them and adds breaks.
  const defaultHours = Object.entries(ctx.company.openingHours).flatMap(([weekday, ranges]) =>
    ranges.map((r) => ({ weekday: Number(weekday), start: r.open, end: r.close })),
  );
  return (
    <>
      <Link href="/staff" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← Alle Mitarbeiter
      </Link>
      <PageHeader title="Neue Mitarbeiterin" description="Stammdaten, Leistungen und Arbeitszeiten" />
      <Card>
        <NewStaffForm services={services} defaultHours={defaultHours} />
      </Card>
    </>
  );
}
