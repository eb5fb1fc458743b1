import { BookingSection, OpeningHoursSection, SalonSection } from "@/components/settings/company-sections";
import { CalcomSection, FeatureFlagsSection, RetellSection } from "@/components/settings/integration-sections";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/session";
import { getSettings } from "@/lib/companies/get-settings";

export const metadata = { title: "Einstellungen" };

/** Company settings, one form per section. Secrets arrive here only as "stored or not". */
export default async function SettingsPage() {
  const ctx = await requireAdminPage();
  const settings = await getSettings({ ctx });
  return (
    <>
      <PageHeader title="Einstellungen" description="Salon, Öffnungszeiten, Telefon-Assistent und Cal.com. Jeder Abschnitt wird einzeln gespeichert." />
      <div className="max-w-4xl space-y-6">
        <SalonSection settings={settings} />
        <OpeningHoursSection settings={settings} />
        <BookingSection settings={settings} />
        <RetellSection settings={settings} />
        <CalcomSection settings={settings} />
        <FeatureFlagsSection settings={settings} />
      </div>
    </>
  );
}
