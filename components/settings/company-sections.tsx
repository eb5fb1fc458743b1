import { saveBookingRulesAction, saveOpeningHoursAction, saveSalonAction } from "@/app/(admin)/settings/actions";
import { Card, CardHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { WEEKDAY_NAMES_DE, SLOT_GRID_OPTIONS, type CompanySettings } from "@/lib/companies";
import { Checkbox, Field, TextInput } from "./fields";
import { OpeningHoursFields } from "./opening-hours-fields";
import { SettingsForm } from "./settings-form";

function timeZoneOptions(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.add("UTC");
  zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b));
}

const ADDRESS_HINT =
  "Straße, Hausnummer, PLZ und Ort. Cal.com zeigt sie als Ort jedes Termins; ohne Adresse keine Provisionierung.";

export function SalonSection({ settings }: { settings: CompanySettings }) {
  return (
    <Card>
      <CardHeader title="Salon" description="Name, Zeitzone und Adresse des Salons" />
      <SettingsForm action={saveSalonAction} label="Salon">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field id="salon-name" label="Name">
            <TextInput
              id="salon-name"
              name="name"
              defaultValue={settings.name}
              required
              maxLength={120}
              autoComplete="organization"
            />
          </Field>
          <Field
            id="salon-time-zone"
            label="Zeitzone"
            hint="Öffnungszeiten und die Zeiten am Telefon gelten in dieser Zeitzone. Gebuchte Termine behalten ihren Zeitpunkt."
          >
            <select
              id="salon-time-zone"
              name="timeZone"
              defaultValue={settings.timeZone}
              aria-describedby="salon-time-zone-hint"
              className={inputClass}
            >
              {timeZoneOptions(settings.timeZone).map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field id="salon-address" label="Adresse" hint={ADDRESS_HINT}>
          <TextInput
            id="salon-address"
            name="address"
            defaultValue={settings.address}
            maxLength={300}
            autoComplete="street-address"
            placeholder="Torstraße 112, 10119 Berlin"
            aria-describedby="salon-address-hint"
          />
        </Field>
      </SettingsForm>
    </Card>
  );
}

export function OpeningHoursSection({ settings }: { settings: CompanySettings }) {
  const days = WEEKDAY_NAMES_DE.map((name, index) => ({
    weekday: String(index + 1),
    name,
    intervals: settings.openingHours[String(index + 1)] ?? [],
  }));
  return (
    <Card>
      <CardHeader
        title="Öffnungszeiten"
        description="Nur in diesen Zeiten bietet der Telefon-Assistent Termine an. Mehrere Zeiträume je Tag, etwa für eine Mittagspause. Feiertage und Schließtage: unter „Schließtage“."
      />
      <SettingsForm action={saveOpeningHoursAction} label="Öffnungszeiten">
        <OpeningHoursFields days={days} />
      </SettingsForm>
    </Card>
  );
}

export function BookingSection({ settings }: { settings: CompanySettings }) {
  return (
    <Card>
      <CardHeader title="Terminbuchung" description="Wie der Telefon-Assistent Termine anbietet und reserviert" />
      <SettingsForm action={saveBookingRulesAction} label="Terminbuchung">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field
            id="slot-grid"
            label="Terminraster"
            hint="In diesem Abstand werden Startzeiten angeboten, bei 15 Minuten etwa 09:00, 09:15, 09:30 …"
          >
            <select
              id="slot-grid"
              name="slotGridMinutes"
              defaultValue={String(settings.slotGridMinutes)}
              aria-describedby="slot-grid-hint"
              className={inputClass}
            >
              {SLOT_GRID_OPTIONS.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {minutes} Minuten
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="hold-minutes"
            label="Reservierungsdauer (Minuten)"
            hint="Solange hält der Telefon-Assistent einen angebotenen Termin für den Anrufer frei."
          >
            <TextInput
              id="hold-minutes"
              name="holdMinutes"
              type="number"
              min={1}
              max={30}
              step={1}
              required
              defaultValue={settings.holdMinutes}
              aria-describedby="hold-minutes-hint"
            />
          </Field>
        </div>
        <Checkbox
          id="allow-gap-booking"
          name="allowGapBooking"
          label="Buchungen in Einwirkzeiten erlauben"
          defaultChecked={settings.allowGapBooking}
          hint="Dann passen kurze Termine in die Einwirkzeit eines anderen Termins desselben Mitarbeiters. Gilt für neue Buchungen; bestehende Termine bleiben, wie sie gebucht wurden."
        />
      </SettingsForm>
    </Card>
  );
}
