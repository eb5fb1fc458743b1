import Link from "next/link";
import { HolidaysSection } from "@/components/hours/holidays-section";
import { SpecialDayForm } from "@/components/hours/special-day-form";
import { SpecialDaysList } from "@/components/hours/special-days-list";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/web";
import { holidaysAhead, listSpecialDays } from "@/lib/companies";
import { formatDateDe, localDate, zonedInstant } from "@/lib/time";

export const metadata = { title: "Feiertage und Schließtage" };

/** Public holidays of the salon's Bundesland and its special days (closures, other hours). */
export default async function ClosuresPage() {
  const ctx = await requireAdminPage();
  const tz = ctx.company.timeZone;
  const specialDays = await listSpecialDays({ ctx });
  const dateDe = (date: string) => formatDateDe(zonedInstant(date, 12 * 60, tz), tz);
  const rows = specialDays.map((d) => ({
    id: d.id,
    date: dateDe(d.day),
    hours: d.hours.length ? d.hours.map((h) => `${h.open}–${h.close} Uhr`).join(", ") : "geschlossen",
    reason: d.reason,
  }));
  return (
    <>
      <PageHeader
        title="Feiertage und Schließtage"
        description="Was hier steht, gilt vor den wöchentlichen Öffnungszeiten – am Telefon und bei jeder Buchung."
      />
      <div className="max-w-4xl space-y-6">
        <p className="text-sm text-slate-600">
          Die wöchentlichen Öffnungszeiten (auch mit Mittagspause) stehen unter{" "}
          <Link href="/settings" className="text-brand-700 underline">
            Einstellungen
          </Link>
          .
        </p>
        <Card>
          <CardHeader
            title="Sondertage"
            description="Betriebsurlaub, Schließtage oder besondere Öffnungszeiten. Ein Zeitraum wird als ein Eintrag je Tag gespeichert. Gebuchte Termine werden nie storniert: Sie sehen sie vor dem Speichern und sie werden zum Nachfassen markiert."
          />
          <SpecialDayForm />
          <SpecialDaysList days={rows} />
        </Card>
        <HolidaysSection
          state={ctx.company.state}
          holidays={holidaysAhead(ctx.company, localDate(new Date(), tz))}
          formatDate={dateDe}
        />
      </div>
    </>
  );
}
