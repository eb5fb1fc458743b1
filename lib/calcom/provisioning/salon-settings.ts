import type { CalcomEventType } from "..";

/**
 * What every event type SlotDesk books must say in Cal.com (event-type-create-team.json): without
 * them Cal.com defaults to Cal Video and 120 minutes notice, shows the type publicly and may hold
 * bookings for confirmation. SlotDesk decides notice and availability itself.
 */
export function salonEventTypeSettings(address: string) {
  return {
    minimumBookingNotice: 0,
    locations: [{ type: "address", address, public: true }],
    hidden: true,
    confirmationPolicy: { disabled: true as const },
  };
}
export type SalonEventTypeSettings = ReturnType<typeof salonEventTypeSettings>;

const normalized = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

function locationProblem(et: CalcomEventType, address: string | null): string | null {
  if (et.locations === undefined) return null;
  const [first, ...others] = et.locations;
  if (!first) return "Kein Ort eingetragen – Cal.com macht daraus einen Online-Termin (Cal Video).";
  const name = (l: Record<string, unknown>) => String(l.integration ?? l.type);
  if (first.type !== "address") {
    const what = first.integration === "cal-video" ? "Cal Video (Online-Termin)" : `„${name(first)}“`;
    return `Ort ist ${what} statt der Salonadresse – Kunden bekommen einen Online-Link statt der Adresse.`;
  }
  const where = typeof first.address === "string" ? first.address : "";
  if (address && normalized(where) !== normalized(address)) {
    return `Ort „${where}“ ist nicht die Salonadresse „${address}“.`;
  }
  if (others.length) return `Außer der Salonadresse sind weitere Orte eingetragen (${others.map(name).join(", ")}).`;
  return null;
}

function requiresConfirmation(et: CalcomEventType): boolean {
  if ((et as { requiresConfirmation?: unknown }).requiresConfirmation === true) return true;
  return Boolean(et.confirmationPolicy) && et.confirmationPolicy?.disabled !== true;
}

/**
 * Each setting of the event type that breaks bookings for a salon, as a German sentence the admin can
 * act on. Fields Cal.com did not send are not judged.
 */
export function settingProblems(et: CalcomEventType, address: string | null): string[] {
  const problems: string[] = [];
  if ((et.minimumBookingNotice ?? 0) > 0) {
    const notice = `Mindestvorlauf ${et.minimumBookingNotice} min statt 0`;
    problems.push(`${notice} – Cal.com lehnt kurzfristige Termine ab, die SlotDesk zusagt.`);
  }
  const location = locationProblem(et, address);
  if (location) problems.push(location);
  if (requiresConfirmation(et)) {
    problems.push("Buchungen müssen in Cal.com bestätigt werden – bis dahin bleiben sie unbestätigt.");
  }
  if (et.hidden === false) {
    problems.push("Öffentlich sichtbar – Kunden könnten an SlotDesk vorbei direkt in Cal.com buchen.");
  }
  return problems;
}
