import { BookingSection, OpeningHoursSection, SalonSection } from "@/components/settings/company-sections";
import { CalcomSection, FeatureFlagsSection, RetellSection } from "@/components/settings/integration-sections";
import { GoLiveCheck } from "@/components/settings/go-live-check";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/web";
import { getSettings } from "@/lib/companies";
import { latestCalcomCheck } from "@/lib/calcom/sync";
import { formatDateTimeDe } from "@/lib/time";

export const metadata = { title: "Einstellungen" };

/** Company settings, one form per section. Secrets arrive here only as "stored or not". */
export default async function SettingsPage() {
  const ctx = await requireAdminPage();
  const [settings, check] = await Promise.all([getSettings({ ctx }), latestCalcomCheck({ ctx })]);
  const last = check
    ? { ok: check.ok, steps: check.steps, when: formatDateTimeDe(check.startedAt, ctx.company.timeZone) }
    : null;
  return (
    <>
      <PageHeader
        title="Einstellungen"
        description="Salon, Öffnungszeiten, Telefon-Assistent und Cal.com. Jeder Abschnitt wird einzeln gespeichert."
      />
      <div className="max-w-4xl space-y-6">
        <SalonSection settings={settings} />
        <OpeningHoursSection settings={settings} />
        <BookingSection settings={settings} />
        <RetellSection settings={settings} />
        <CalcomSection settings={settings} />
        <Card>
          <CardHeader
            title="Go-Live-Prüfung"
            description="Prüft Anmeldung, Team, Zuordnungen und Webhooks und legt eine Testbuchung weit in der Zukunft an, verschiebt und storniert sie wieder."
          />
          <GoLiveCheck last={last} />
        </Card>
        <FeatureFlagsSection settings={settings} />
      </div>
    </>
  );
}
