import { and, count, desc, eq, isNull, max } from "drizzle-orm";
import { calcomConnectionFor } from "../calcom";
import { latestCalcomCheck } from "../calcom/sync";
import type { Ctx } from "../context";
import {
  calcomEventMap,
  calcomWebhookEvents,
  functionCalls,
  serviceSegments,
  services,
  staff,
  staffServices,
  staffWorkingHours,
  users,
} from "../db";
import { countDe, formatDateTimeDe } from "../time";

export type SetupStepKey =
  "salon" | "hours" | "staff" | "services" | "mappings" | "calcom" | "webhook" | "retell" | "second-admin";

export type SetupStep = {
  key: SetupStepKey;
  title: string;
  done: boolean;
  /** What is there or what is missing, in German. */
  detail: string;
  /** Where the step is fixed. */
  href: string;
  optional?: boolean;
};

const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));

/**
 * The go-live checklist of a salon, each step from live data: what a new salon still has to do
 * before its phone is answered, and where to do it. Reads only the database (the Cal.com steps use
 * the latest stored go-live check); nothing is written.
 */
export async function getSetupChecklist({ ctx }: { ctx: Ctx }): Promise<SetupStep[]> {
  const { db, company } = ctx;
  const companyId = company.id;

  const activeStaff = await db
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(and(eq(staff.companyId, companyId), eq(staff.active, true), isNull(staff.mergedInto)));
  const activeIds = ids(activeStaff);
  const withHours = ids(
    await db
      .selectDistinct({ id: staffWorkingHours.staffId })
      .from(staffWorkingHours)
      .where(eq(staffWorkingHours.companyId, companyId)),
  );
  const qualifications = await db
    .select({ staffId: staffServices.staffId, serviceId: staffServices.serviceId })
    .from(staffServices)
    .where(eq(staffServices.companyId, companyId));
  const ready = activeStaff.filter((s) => withHours.has(s.id) && qualifications.some((q) => q.staffId === s.id));

  const activeServices = await db
    .select({ id: services.id, name: services.name, composite: services.composite })
    .from(services)
    .where(and(eq(services.companyId, companyId), eq(services.active, true)));
  const unstaffed = activeServices.filter(
    (svc) => !qualifications.some((q) => q.serviceId === svc.id && activeIds.has(q.staffId)),
  );

  // Every staff-required segment of an active service × every active stylist who does it needs its event type;
  // a service without segments is one segment "A" (as lib/booking/phases.ts plans it).
  const segments = await db
    .select({ serviceId: serviceSegments.serviceId, key: serviceSegments.key })
    .from(serviceSegments)
    .where(and(eq(serviceSegments.companyId, companyId), eq(serviceSegments.staffRequired, true)));
  const mapped = new Set(
    (
      await db
        .select({
          serviceId: calcomEventMap.serviceId,
          key: calcomEventMap.segmentKey,
          staffId: calcomEventMap.staffId,
        })
        .from(calcomEventMap)
        .where(eq(calcomEventMap.companyId, companyId))
    ).map((m) => `${m.serviceId}|${m.key}|${m.staffId}`),
  );
  const needed = activeServices.flatMap((svc) => {
    const own = segments.filter((seg) => seg.serviceId === svc.id).map((seg) => seg.key);
    const keys = svc.composite && own.length > 0 ? own : ["A"];
    return qualifications
      .filter((q) => q.serviceId === svc.id && activeIds.has(q.staffId))
      .flatMap((q) => keys.map((key) => `${svc.id}|${key}|${q.staffId}`));
  });
  const unmapped = needed.filter((key) => !mapped.has(key)).length;

  const check = await latestCalcomCheck({ ctx });
  const connection = calcomConnectionFor(company);
  const webhookStep = check?.steps.find((s) => s.step === "Webhooks");
  const [delivery] = await db
    .select({ at: max(calcomWebhookEvents.receivedAt) })
    .from(calcomWebhookEvents)
    .where(eq(calcomWebhookEvents.companyId, companyId));
  const [lastCall] = await db
    .select({ at: functionCalls.createdAt })
    .from(functionCalls)
    .where(eq(functionCalls.companyId, companyId))
    .orderBy(desc(functionCalls.createdAt))
    .limit(1);
  const [admins] = await db.select({ n: count() }).from(users).where(eq(users.companyId, companyId));

  const tz = company.timeZone;
  const openDays = Object.values(company.openingHours).filter((ranges) => ranges.length > 0).length;
  const missingSalon = [company.address ? null : "Adresse", company.state ? null : "Bundesland"].filter(Boolean);

  return [
    {
      key: "salon",
      title: "Salondaten",
      done: missingSalon.length === 0,
      detail:
        missingSalon.length === 0
          ? `${company.name}, ${company.address}; Zeitzone ${tz}`
          : `Es fehlt noch: ${missingSalon.join(" und ")}.`,
      href: "/settings",
    },
    {
      key: "hours",
      title: "Öffnungszeiten und Feiertage",
      done: openDays > 0 && Boolean(company.state),
      detail:
        openDays === 0
          ? "Noch keine Öffnungszeiten eingetragen – der Salon gilt als geschlossen."
          : company.state
            ? `An ${openDays} Wochentagen geöffnet; Feiertage nach Bundesland ${company.state}.`
            : `An ${openDays} Wochentagen geöffnet; ohne Bundesland kennt SlotDesk die Feiertage nicht.`,
      href: "/settings",
    },
    {
      key: "staff",
      title: "Mitarbeiter",
      done: ready.length > 0,
      detail:
        ready.length > 1
          ? `${ready.length} aktive Mitarbeiter mit Arbeitszeiten und Leistungen.`
          : ready.length === 1
            ? `${ready[0]!.name} hat Arbeitszeiten und Leistungen.`
            : activeStaff.length === 0
              ? "Noch niemand angelegt."
              : "Niemand hat zugleich Arbeitszeiten und Leistungen.",
      href: "/staff",
    },
    {
      key: "services",
      title: "Leistungen",
      done: activeServices.length > 0 && unstaffed.length === 0,
      detail:
        activeServices.length === 0
          ? "Noch keine aktive Leistung."
          : unstaffed.length > 0
            ? `Niemand führt ${unstaffed.map((svc) => `„${svc.name}“`).join(", ")} aus.`
            : activeServices.length === 1
              ? `„${activeServices[0]!.name}“ ist aktiv und hat jemanden, der sie ausführt.`
              : `${activeServices.length} aktive Leistungen, jede mit jemandem, der sie ausführt.`,
      href: "/services",
    },
    {
      key: "mappings",
      title: "Cal.com-Event-Typen",
      done: needed.length > 0 && unmapped === 0,
      detail:
        needed.length === 0
          ? "Es gibt noch keine Leistung mit Mitarbeiter, die Cal.com-Event-Typen braucht."
          : unmapped === 0
            ? needed.length === 1
              ? "Die Zuordnung von Segment und Mitarbeiter hat ihren Cal.com-Event-Typ."
              : `Alle ${needed.length} Zuordnungen von Segment und Mitarbeiter haben ihren Cal.com-Event-Typ.`
            : `Für ${unmapped} von ${countDe(needed.length, "Zuordnung", "Zuordnungen")} von Segment und Mitarbeiter fehlt der Cal.com-Event-Typ – unter Leistungen provisionieren.`,
      href: "/services",
    },
    {
      key: "calcom",
      title: "Cal.com-Verbindung und Go-Live-Prüfung",
      done: connection.connected && Boolean(check?.ok),
      detail: !connection.connected
        ? connection.message
        : !check
          ? "Verbunden, die Go-Live-Prüfung lief noch nicht."
          : `Letzte Go-Live-Prüfung am ${formatDateTimeDe(check.startedAt, tz)}: ${check.ok ? "bestanden" : "nicht bestanden"}.`,
      href: "/settings",
    },
    {
      key: "webhook",
      title: "Cal.com-Webhook",
      done: Boolean(webhookStep?.ok),
      detail: `${webhookStep ? webhookStep.detail : "Wird mit der Go-Live-Prüfung geprüft."} ${
        delivery?.at ? `Letzte Zustellung am ${formatDateTimeDe(delivery.at, tz)}.` : "Noch keine Zustellung empfangen."
      }`,
      href: "/services",
    },
    {
      key: "retell",
      title: "Telefon-Assistent (Retell)",
      done: Boolean(company.retellAgentId) && Boolean(lastCall),
      detail: !company.retellAgentId
        ? "Noch kein Retell-Agent hinterlegt."
        : lastCall
          ? `Agent ${company.retellAgentId}; letzter Funktionsaufruf am ${formatDateTimeDe(lastCall.at, tz)}.`
          : `Agent ${company.retellAgentId}; es kam noch kein signierter Funktionsaufruf an.`,
      href: "/settings",
    },
    {
      key: "second-admin",
      title: "Zweiter Zugang",
      done: (admins?.n ?? 0) >= 2,
      detail:
        (admins?.n ?? 0) >= 2
          ? `${admins!.n} Zugänge – der Salon bleibt erreichbar, wenn jemand fehlt.`
          : "Nur ein Zugang. Empfohlen: eine Vertretung einladen.",
      href: "/zugaenge",
      optional: true,
    },
  ];
}

/** Open required steps; 0 → the salon is ready to take calls. */
export const openSteps = (steps: SetupStep[]) => steps.filter((s) => !s.done && !s.optional).length;
