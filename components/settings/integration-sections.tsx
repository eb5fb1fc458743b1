import { saveCalcomAction, saveFeatureFlagsAction, saveRetellAction } from "@/app/(admin)/settings/actions";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyValue } from "@/components/ui/copy-button";
import { inputClass } from "@/components/ui/field";
import { CALCOM_NOT_CONNECTED, type CalcomSource } from "@/lib/calcom";
import type { CompanySettings } from "@/lib/companies";
import { retellUrls } from "@/lib/voice";
import { Checkbox, Field, TextInput } from "./fields";
import { SecretField } from "./secret-field";
import { SettingsForm } from "./settings-form";

const SOURCE_TEXT: Record<CalcomSource, string> = {
  company: "Buchungen gehen derzeit an die eigene Verbindung dieses Salons (API-URL und API-Key).",
  server: "Buchungen gehen derzeit an die Cal.com-Verbindung des Servers (CALCOM_API_URL).",
  simulator: "Buchungen gehen derzeit an den eingebauten Cal.com-Simulator.",
  none: CALCOM_NOT_CONNECTED,
};

export function RetellSection({ settings }: { settings: CompanySettings }) {
  const { functionUrl, webhookUrl } = retellUrls();
  return (
    <Card>
      <CardHeader title="Retell" description="Der Telefon-Assistent, dessen Anrufe zu diesem Salon gehören" />
      <SettingsForm action={saveRetellAction} label="Retell">
        <Field
          id="retell-agent-id"
          label="Agent-ID"
          hint="Steht in Retell beim Agenten und beginnt mit agent_. Eine neue Agent-ID nimmt SlotDesk erst nach einem Testanruf dieses Agenten an (innerhalb von 10 Minuten danach speichern). Leer lassen, wenn kein Agent für diesen Salon telefoniert."
        >
          <TextInput
            id="retell-agent-id"
            name="retellAgentId"
            defaultValue={settings.retellAgentId}
            spellCheck={false}
            autoComplete="off"
            aria-describedby="retell-agent-id-hint"
            className={`${inputClass} font-mono`}
          />
        </Field>
        <div className="space-y-2 rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-700">
          <p>
            In Retell einzutragen – „npm run retell:agent -- --apply“ richtet beides selbst ein. Die Funktions-URL gilt
            für alle sieben Custom Functions; „Payload: args only“ muss aus sein.
          </p>
          <dl className="grid grid-cols-1 gap-x-3 gap-y-1.5 sm:grid-cols-[9rem_1fr]">
            <dt className="font-medium">Funktions-URL</dt>
            <dd>
              <CopyValue value={functionUrl} label="Funktions-URL" wrap />
            </dd>
            <dt className="font-medium">Webhook-URL</dt>
            <dd>
              <CopyValue value={webhookUrl} label="Webhook-URL" wrap />
            </dd>
          </dl>
        </div>
      </SettingsForm>
    </Card>
  );
}

export function CalcomSection({ settings }: { settings: CompanySettings }) {
  return (
    <Card>
      <CardHeader title="Cal.com" description={SOURCE_TEXT[settings.calcomSource]} />
      <SettingsForm action={saveCalcomAction} label="Cal.com">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-[1fr_12rem]">
          <Field
            id="calcom-url"
            label="API-URL"
            hint="Leer lassen für die Server-Einstellung bzw. den Simulator. Wird nur zusammen mit einem API-Key verwendet."
          >
            <TextInput
              id="calcom-url"
              name="apiBaseUrl"
              inputMode="url"
              spellCheck={false}
              placeholder="https://api.cal.com/v2"
              defaultValue={settings.calcomApiBaseUrl}
              aria-describedby="calcom-url-hint"
            />
          </Field>
          <Field id="calcom-team" label="Team-ID" hint="Optional: das Team, dessen Event-Typen SlotDesk anlegt.">
            <TextInput
              id="calcom-team"
              name="teamId"
              inputMode="numeric"
              defaultValue={settings.calcomTeamId}
              aria-describedby="calcom-team-hint"
            />
          </Field>
        </div>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <SecretField
            name="apiKey"
            label="API-Key"
            inputLabel="Neuen API-Key eingeben"
            stored={settings.hasCalcomApiKey}
            placeholder="cal_live_…"
          />
          <SecretField
            name="webhookSecret"
            label="Webhook-Secret"
            inputLabel="Neues Webhook-Secret eingeben"
            stored={settings.hasWebhookSecret}
            placeholder="ein langes, zufälliges Secret"
            hint="SlotDesk gibt es jedem Webhook mit, den es in Cal.com einrichtet. Ohne Secret werden sie abgelehnt."
          />
        </div>
        <Checkbox
          id="calcom-customer-emails"
          name="customerEmails"
          label="Kunden erhalten E-Mails von Cal.com (Bestätigungen, Erinnerungen)"
          defaultChecked={settings.calcomCustomerEmails}
          hint="Aus: Cal.com bekommt statt der echten E-Mail-Adresse eine Platzhalter-Adresse, die nirgends ankommt."
        />
        <Field
          id="calcom-attendee-domain"
          label="Domain für Platzhalter-Adressen"
          hint="Optional, z. B. kunden.salon-demo.de. Leer lassen für die Voreinstellung, die nirgends zustellt."
        >
          <TextInput
            id="calcom-attendee-domain"
            name="attendeeEmailDomain"
            spellCheck={false}
            autoComplete="off"
            defaultValue={settings.calcomAttendeeEmailDomain}
            aria-describedby="calcom-attendee-domain-hint"
          />
        </Field>
        <div className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-700">
          <p className="mb-1.5">
            Webhook-URL – SlotDesk richtet sie mit dem Secret oben für jeden Event-Typ selbst ein (Leistungen →
            „Webhooks einrichten“). Webhooks in Cal.com unter Einstellungen → Entwickler melden Team-Termine nicht.
          </p>
          <CopyValue value={settings.calcomWebhookUrl} label="Webhook-URL" wrap />
        </div>
      </SettingsForm>
    </Card>
  );
}

export function FeatureFlagsSection({ settings }: { settings: CompanySettings }) {
  return (
    <Card>
      <CardHeader title="Abgleich mit Cal.com" description="Wie SlotDesk Termine an Cal.com überträgt" />
      <SettingsForm action={saveFeatureFlagsAction} label="Abgleich mit Cal.com">
        <Checkbox
          id="parallel-calcom-booking"
          name="parallelCalcomBooking"
          label="Segmente gleichzeitig an Cal.com senden"
          defaultChecked={settings.parallelCalcomBooking}
          hint="Legt die Cal.com-Buchungen aller Segmente eines Termins gleichzeitig statt nacheinander an – schneller, aber mit mehr gleichzeitigen Anfragen."
        />
        <Checkbox
          id="post-sync-verification"
          name="postSyncVerification"
          label="Buchungen nach unklarer Antwort in Cal.com nachprüfen"
          defaultChecked={settings.postSyncVerification}
          hint="Prüft nach einer unklaren Antwort von Cal.com (z. B. Zeitüberschreitung), welche Buchungen dort wirklich angelegt wurden, bevor ein Termin als fehlgeschlagen gilt."
        />
      </SettingsForm>
    </Card>
  );
}
