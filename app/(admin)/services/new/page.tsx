import Link from "next/link";
import { ServiceForm } from "@/components/services/service-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/web";
import { listAssignableStaff } from "@/lib/catalog";

export const metadata = { title: "Neue Leistung" };

export default async function NewServicePage() {
  const ctx = await requireAdminPage();
  const staff = await listAssignableStaff({ ctx });
  return (
    <>
      <Link href="/services" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← Alle Leistungen
      </Link>
      <PageHeader
        title="Neue Leistung"
        description="Einzelleistung mit einer Dauer oder Kombi-Leistung aus Segmenten und Einwirkzeiten"
      />
      <Card>
        <ServiceForm
          serviceId={null}
          staff={staff}
          initial={{
            name: "",
            synonyms: "",
            price: "",
            active: true,
            staffIds: [],
            composite: false,
            durationMinutes: "30",
            segments: [],
          }}
        />
      </Card>
    </>
  );
}
