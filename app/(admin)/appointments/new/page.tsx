import { randomUUID } from "node:crypto";
import Link from "next/link";
import { NewAppointmentForm, type StartChoice } from "@/components/appointments/new-appointment-form";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { inputClass, labelClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { type BookingOptions, bookingOptions, type CustomerHit, searchCustomers } from "@/lib/appointments";
import { requireAdminPage } from "@/lib/auth/web";
import { findAvailability } from "@/lib/booking";
import { isAppError } from "@/lib/errors";
import { flatParams } from "@/lib/lists";
import { formatTimeDe, isoWithOffset, localDate } from "@/lib/time";

export const metadata = { title: "Neuer Termin" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const positive = (v: string | undefined) => (v && /^\d{1,15}$/.test(v) && Number(v) > 0 ? Number(v) : undefined);
const german = (error: unknown) => (isAppError(error) ? `${error.message}.` : "Das hat nicht geklappt.");

/**
 * "Neuer Termin": service, stylist (or egal), day → the bookable starts of the same engine the
 * voice agent and "Verschieben" use; then the customer (picked or new). Every step is a plain GET
 * form, so the page works without JavaScript; prefilled from the calendar by ?staff=&start=.
 */
export default async function NewAppointmentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireAdminPage();
  const raw = flatParams(await searchParams);
  const tz = ctx.company.timeZone;
  const problems: string[] = [];
  const startParam = raw.start ? new Date(raw.start) : null;
  const prefilled = startParam && !Number.isNaN(startParam.getTime()) ? startParam : null;
  const date =
    raw.date && DAY.test(raw.date) ? raw.date : prefilled ? localDate(prefilled, tz) : localDate(new Date(), tz);
  const q = (raw.q ?? "").trim();

  let options: BookingOptions = { services: [], staff: [], customer: null };
  try {
    options = await bookingOptions({
      ctx,
      input: { serviceId: positive(raw.service), customerId: positive(raw.customer) },
    });
  } catch (error) {
    problems.push(german(error));
  }
  const service = options.services.find((s) => s.id === positive(raw.service));
  if (raw.service && !service) problems.push("Diese Leistung gibt es nicht (mehr). Bitte eine andere wählen.");
  const staffId = raw.staff && UUID.test(raw.staff) ? raw.staff : undefined;
  const stylist = staffId ? options.staff.find((s) => s.id === staffId) : undefined;
  if (raw.staff && !stylist && service)
    problems.push("Dieser Mitarbeiter bietet diese Leistung nicht an – „egal“ gewählt.");
  if (raw.customer && !options.customer) problems.push("Kunde nicht gefunden.");

  let starts: StartChoice[] = [];
  if (service) {
    try {
      const found = await findAvailability({ ctx, input: { serviceId: service.id, from: date, staffId: stylist?.id } });
      const label = (s: Date) => `${formatTimeDe(s, tz)} Uhr`;
      starts = (stylist ? found.candidates : found.slots).map((c) => ({
        value: isoWithOffset(c.start, tz),
        label: label(c.start),
      }));
    } catch (error) {
      problems.push(german(error));
    }
  }
  let hits: CustomerHit[] = [];
  if (q.length >= 2 && !options.customer) hits = await searchCustomers({ ctx, input: { q } }).catch(() => []);

  const keep = { service: service ? String(service.id) : "", staff: stylist?.id ?? "", date, start: raw.start ?? "" };
  const href = (extra: Record<string, string>) => `/appointments/new?${new URLSearchParams({ ...keep, ...extra })}`;
  const preselected = prefilled
    ? starts.find((s) => new Date(s.value).getTime() === prefilled.getTime())?.value
    : undefined;

  return (
    <>
      <Link href="/appointments" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← Alle Termine
      </Link>
      <PageHeader title="Neuer Termin" description="Gebucht wie am Telefon: nur freie Zeiten, dieselben Regeln" />
      {problems.length ? (
        <div className="mb-4">
          <Notice tone="warn">{problems.join(" ")}</Notice>
        </div>
      ) : null}

      <Card className="mb-6">
        <CardHeader title="1. Leistung, Mitarbeiter und Tag" />
        <form method="get" action="/appointments/new" className="grid grid-cols-1 gap-3 px-5 pb-5 sm:grid-cols-4">
          <div>
            <label htmlFor="service" className={labelClass}>
              Leistung
            </label>
            <select id="service" name="service" defaultValue={keep.service} className={inputClass} required>
              <option value="">Leistung wählen</option>
              {options.services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="staff" className={labelClass}>
              Mitarbeiter
            </label>
            <select id="staff" name="staff" defaultValue={keep.staff} className={inputClass}>
              <option value="">egal</option>
              {options.staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="date" className={labelClass}>
              Tag
            </label>
            <input id="date" name="date" type="date" defaultValue={date} className={inputClass} required />
          </div>
          <input type="hidden" name="customer" value={options.customer ? String(options.customer.id) : ""} />
          <input type="hidden" name="start" value={keep.start} />
          <div className="flex items-end">
            <button type="submit" className={buttonClass("secondary")}>
              Freie Zeiten zeigen
            </button>
          </div>
        </form>
      </Card>

      <Card className="mb-6">
        <CardHeader title="2. Kunde" description="Vorhandenen Kunden suchen oder unten einen neuen eintragen" />
        <div className="space-y-3 px-5 pb-5">
          {options.customer ? (
            <p className="text-sm text-slate-800">
              Gewählt: <strong>{options.customer.name}</strong>
              {options.customer.phone ? ` · ${options.customer.phone}` : ""}{" "}
              <Link href={href({ customer: "" })} className="ml-2 text-brand-700 hover:underline">
                anderen Kunden wählen
              </Link>
            </p>
          ) : (
            <>
              <form method="get" action="/appointments/new" className="flex flex-wrap items-end gap-3">
                {Object.entries(keep).map(([k, v]) => (
                  <input key={k} type="hidden" name={k} value={v} />
                ))}
                <div className="min-w-64 flex-1">
                  <label htmlFor="q" className={labelClass}>
                    Name oder Telefonnummer
                  </label>
                  <input id="q" name="q" type="search" defaultValue={q} className={inputClass} />
                </div>
                <button type="submit" className={buttonClass("secondary")}>
                  Suchen
                </button>
              </form>
              {q.length >= 2 ? (
                hits.length ? (
                  <ul
                    className="divide-y divide-slate-100 rounded-lg border border-slate-200"
                    aria-label="Gefundene Kunden"
                  >
                    {hits.map((h) => (
                      <li key={h.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                        <span>
                          {h.name} <span className="tabular-nums text-slate-500">{h.phone ?? "ohne Telefon"}</span>
                        </span>
                        <Link href={href({ customer: String(h.id) })} className="text-brand-700 hover:underline">
                          Auswählen
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-slate-500">Kein Kunde gefunden – bitte unten neu eintragen.</p>
                )
              ) : null}
            </>
          )}
        </div>
      </Card>

      <Card>
        <CardHeader title="3. Uhrzeit und Anlegen" />
        {service ? (
          <NewAppointmentForm
            idempotencyKey={randomUUID()}
            serviceId={service.id}
            staffId={stylist?.id ?? ""}
            starts={starts}
            preselected={preselected}
            customer={options.customer}
          />
        ) : (
          <p className="px-5 pb-5 text-sm text-slate-500">Bitte zuerst eine Leistung wählen.</p>
        )}
      </Card>
    </>
  );
}
