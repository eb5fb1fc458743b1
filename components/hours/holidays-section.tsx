import { saveHolidaysAction } from "@/app/(admin)/oeffnungszeiten/actions";
import { Card, CardHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Field } from "@/components/settings/fields";
import { SettingsForm } from "@/components/settings/settings-form";
import { GERMAN_STATES, type HolidayAhead } from "@/lib/companies";

/** Bundesland and, per public holiday of the coming year, whether the salon opens ("geöffnet") or not. */
export function HolidaysSection({
  state,
  holidays,
  formatDate,
}: {
  state: string | null;
  holidays: HolidayAhead[];
  formatDate: (date: string) => string;
}) {
  return (
    <Card>
      <CardHeader
        title="Feiertage"
        description="Gesetzliche Feiertage des Bundeslands: der Salon ist geschlossen, außer Sie schalten einen Feiertag auf „geöffnet“ – dann gelten die normalen Öffnungszeiten. Die Wahl gilt jedes Jahr."
      />
      <SettingsForm action={saveHolidaysAction} label="Feiertage">
        <Field
          id="state"
          label="Bundesland"
          hint="Nach dem Speichern erscheinen hier die Feiertage des gewählten Bundeslands."
        >
          <select
            id="state"
            name="state"
            defaultValue={state ?? ""}
            aria-describedby="state-hint"
            className={inputClass}
          >
            <option value="">– keins (keine Feiertage) –</option>
            {GERMAN_STATES.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        {holidays.length ? (
          <ul aria-label="Feiertage der nächsten zwölf Monate" className="divide-y divide-slate-100">
            {holidays.map((h) => (
              <li key={h.date} className="flex items-center justify-between gap-3 py-2 text-sm">
                <span>
                  <span className="font-medium text-slate-800">{h.name}</span>{" "}
                  <span className="text-slate-500">{formatDate(h.date)}</span>
                </span>
                <label className="flex items-center gap-2 text-slate-700">
                  <input
                    type="checkbox"
                    name="openOnHoliday"
                    value={h.rule}
                    defaultChecked={h.open}
                    className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
                  />
                  <span>
                    <span className="sr-only">{h.name} </span>geöffnet
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ) : null}
      </SettingsForm>
    </Card>
  );
}
