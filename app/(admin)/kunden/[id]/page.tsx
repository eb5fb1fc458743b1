import Form from "next/form";
import Link from "next/link";
import { serviceLabel, StatusBadge } from "@/components/appointments/badges";
import { formatSeconds, OutcomeBadge } from "@/components/calls/badges";
import { CalcomLeftovers } from "@/components/customers/calcom-leftovers";
import { ContactFields } from "@/components/customers/contact-fields";
import { ActionForm } from "@/components/staff/action-form";
import { type MergeCandidate, MergeChoices } from "@/components/customers/merge-choices";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { FilterInput } from "@/components/ui/filter-fields";
import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import { requireAdminPage } from "@/lib/auth/web";
import { getCustomer, listCustomers } from "@/lib/customers";
import { formatDateTimeDe, serverNow } from "@/lib/time";
import { eraseCustomerAction, mergeCustomerAction, updateCustomerAction } from "./actions";

export const metadata = { title: "Kunde" };

export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireAdminPage();
  const { id } = await params;
  const other = (await searchParams).andere;
  const search = typeof other === "string" ? other.trim().slice(0, 100) : "";
  const customer = await getCustomer({ ctx, input: { id } });
  const tz = ctx.company.timeZone;
  const editable = !customer.erasedAt && !customer.mergedInto;
  const found = editable && search ? (await listCustomers({ ctx, input: { q: search, size: 10 } })).rows : [];
  const candidates: MergeCandidate[] = [
    ...customer.duplicates.map((d) => ({
      ...d,
      reason: d.phone && d.phone === customer.phone ? "gleiche Nummer" : "möglicher Doppeleintrag",
    })),
    ...found
      .filter((f) => f.id !== customer.id && !customer.duplicates.some((d) => d.id === f.id))
      .map((f) => ({ id: f.id, name: f.name, phone: f.phone, email: f.email, reason: "Suchtreffer" })),
  ];
  const upcoming = customer.appointments.filter((a) => a.status === "confirmed" && a.startsAt >= serverNow());
  return (
    <>
      <Link href="/kunden" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← Alle Kunden
      </Link>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{customer.name}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          {customer.erasedAt ? <Badge tone="red">gelöscht (DSGVO)</Badge> : null}
          {customer.mergedInto ? <Badge>zusammengeführt</Badge> : null}
          <span>{customer.appointments.length} Termine</span>
          <span>· {customer.calls.length} Anrufe</span>
          {customer.noShows ? <Badge tone="amber">{customer.noShows} × nicht erschienen</Badge> : null}
          {customer.duplicates.length ? <Badge tone="amber">möglicher Doppeleintrag</Badge> : null}
        </div>
      </header>
      {customer.mergedIntoCustomer ? (
        <div className="mb-6">
          <Notice tone="warn">
            Dieser Eintrag wurde in{" "}
            <Link href={`/kunden/${customer.mergedIntoCustomer.id}`} className="font-medium underline">
              {customer.mergedIntoCustomer.name}
            </Link>{" "}
            zusammengeführt und kann nicht mehr bearbeitet werden.
          </Notice>
        </div>
      ) : null}
      {customer.erasedAt ? (
        <Card className="mb-6">
          <CardHeader
            title="In Cal.com noch zu löschen"
            description={`Die Kundendaten wurden am ${formatDateTimeDe(customer.erasedAt, tz)} gelöscht. Diese Buchungen liegen noch in Cal.com – bitte dort löschen.`}
          />
          <CalcomLeftovers rows={customer.calcomLeftovers} timeZone={tz} />
        </Card>
      ) : null}
      {editable ? (
        <Card className="mb-6">
          <CardHeader title="Kontaktdaten und Notizen" description="Telefonnummern werden international gespeichert" />
          <ActionForm
            pendingLabel="Einen Moment …"
            action={updateCustomerAction.bind(null, customer.id)}
            label="Kontaktdaten"
            submitLabel="Speichern"
          >
            <ContactFields
              initial={{
                name: customer.name,
                phone: customer.phone ?? "",
                email: customer.email ?? "",
                notes: customer.notes ?? "",
              }}
            />
          </ActionForm>
        </Card>
      ) : null}
      <Card className="mb-6">
        <CardHeader title="Termine" description="Neueste zuerst" />
        {customer.appointments.length === 0 ? (
          <p className="p-5 text-sm text-slate-500">Keine Termine.</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Beginn</Th>
                <Th>Leistung</Th>
                <Th>Mitarbeiter</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {customer.appointments.map((a) => (
                <tr key={a.id}>
                  <Td className="whitespace-nowrap tabular-nums">
                    <Link href={`/appointments/${a.id}`} className="text-brand-700 hover:underline">
                      {formatDateTimeDe(a.startsAt, tz)}
                    </Link>
                  </Td>
                  <Td>{serviceLabel(a.serviceName, a.composite, a.segments)}</Td>
                  <Td>{a.staffName}</Td>
                  <Td>
                    <StatusBadge status={a.status} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card className="mb-6">
        <CardHeader title="Anrufe" description="Gespräche mit dem Telefon-Assistenten" />
        {customer.calls.length === 0 ? (
          <p className="p-5 text-sm text-slate-500">Keine Anrufe.</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Zeit</Th>
                <Th>Nummer</Th>
                <Th>Dauer</Th>
                <Th>Ergebnis</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {customer.calls.map((c) => (
                <tr key={c.id}>
                  <Td className="whitespace-nowrap tabular-nums">
                    <Link href={`/calls/${c.id}`} className="text-brand-700 hover:underline">
                      {c.startedAt ? formatDateTimeDe(c.startedAt, tz) : "–"}
                    </Link>
                  </Td>
                  <Td className="tabular-nums">{c.fromNumber ?? "–"}</Td>
                  <Td className="tabular-nums">{formatSeconds(c.durationSeconds)}</Td>
                  <Td>
                    <OutcomeBadge outcome={c.outcome} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {editable ? (
        <Card className="mb-6">
          <CardHeader
            title="Doppelte Einträge zusammenführen"
            description="Der gewählte Eintrag geht in diesen auf: Termine und Anrufe wandern hierher."
          />
          <Form
            action={`/kunden/${customer.id}`}
            className="flex flex-wrap items-end gap-2 border-b border-slate-100 p-5"
          >
            <FilterInput
              name="andere"
              type="search"
              label="Anderen Eintrag suchen"
              value={search}
              placeholder="Name oder Nummer"
            />
            <button type="submit" className={buttonClass("secondary")}>
              Suchen
            </button>
          </Form>
          {candidates.length ? (
            <ActionForm
              pendingLabel="Einen Moment …"
              action={mergeCustomerAction.bind(null, customer.id)}
              label="Zusammenführen"
              submitLabel="Zusammenführen"
            >
              <MergeChoices candidates={candidates} survivorName={customer.name} />
            </ActionForm>
          ) : (
            <p className="p-5 text-sm text-slate-500">
              {search ? "Kein anderer Eintrag gefunden." : "Keine möglichen Doppeleinträge bekannt."}
            </p>
          )}
        </Card>
      ) : null}
      {customer.erasedAt || customer.mergedInto ? null : (
        <Card className="mb-6">
          <CardHeader
            title="Kundendaten löschen (DSGVO Art. 17)"
            description="Name, Telefon, E-Mail, Notizen, Gesprächsprotokolle und Funktionsaufrufe werden unwiderruflich anonymisiert. Vergangene Termine bleiben anonym für die Statistik."
          />
          {upcoming.length ? (
            <div className="px-5 pt-5">
              <Notice tone="warn">
                Bitte zuerst die kommenden Termine absagen:{" "}
                {upcoming.map((a, i) => (
                  <span key={a.id}>
                    {i ? ", " : ""}
                    <Link href={`/appointments/${a.id}`} className="underline">
                      {formatDateTimeDe(a.startsAt, tz)}
                    </Link>
                  </span>
                ))}
              </Notice>
            </div>
          ) : null}
          <ActionForm
            pendingLabel="Einen Moment …"
            action={eraseCustomerAction.bind(null, customer.id)}
            label="Kundendaten löschen"
            submitLabel="Endgültig löschen"
            danger
          >
            <label className="flex items-start gap-2 text-sm text-slate-700">
              <input type="checkbox" name="confirmed" className="mt-0.5" />
              <span>Ich bestätige: Die Daten von „{customer.name}“ werden endgültig gelöscht.</span>
            </label>
          </ActionForm>
        </Card>
      )}
    </>
  );
}
