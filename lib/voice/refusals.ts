import type { UnavailableDetail, UnavailableReason } from "../booking";
import type { Company } from "../context";
import { daySpoken, timeSpoken, localDate, type LocalDate } from "../time";
import { hoursSpoken, isClosedOn, openingSpoken } from "./functions/opening";
import { dayPhrase, whenPhrase } from "./say";
import { durationSpoken } from "./speech";
import type { VoiceError } from "./types";

export type RefusalContext = {
  company: Company;
  now: Date;
  start: Date;
  service: { name: string; durationMinutes: number };
  /** The stylist the caller asked for, if any. */
  staffName: string | null;
};

/**
 * The one sentence that says why a time does not work, from the engine's reason — never guessed
 * from the wording: a stylist who does not do the service is not "vergeben", a Dauerwelle that
 * would end after closing is not "geschlossen". `error` is set where the contract names one.
 */
export function refusal(
  reason: UnavailableReason,
  detail: UnavailableDetail,
  c: RefusalContext,
): { error?: VoiceError; text: string } {
  const tz = c.company.timeZone;
  const when = whenPhrase(c.start, tz, c.now);
  const day = dayPhrase(c.start, tz, c.now).replace(/,$/, "");
  const time = timeSpoken(c.start, tz);
  const by = c.staffName ? ` bei ${c.staffName}` : "";
  const date: LocalDate = localDate(c.start, tz);
  switch (reason) {
    case "in_past":
      return { error: "in_past", text: `${when} liegt leider schon in der Vergangenheit` };
    case "beyond_horizon":
      return {
        error: "invalid_date",
        text: `so weit im Voraus vergeben wir noch keine Termine${detail.horizon ? ` (nur bis ${daySpoken(detail.horizon, tz)})` : ""}`,
      };
    case "closed_holiday":
      return {
        error: "outside_opening_hours",
        text: `${lead(day)} ist ${holidaySpoken(detail.name ?? "Feiertag")}, da haben wir geschlossen`,
      };
    case "closed_special_day":
      return {
        error: "outside_opening_hours",
        text: detail.name
          ? `${lead(day)} haben wir wegen ${detail.name} geschlossen`
          : `${lead(day)} haben wir geschlossen`,
      };
    case "outside_opening_hours":
      if (detail.hours)
        return {
          error: "outside_opening_hours",
          text: `um ${time} hat der Salon ${day} nicht geöffnet, an dem Tag haben wir nur ${hoursSpoken(detail.hours)} geöffnet`,
        };
      return isClosedOn(c.company, date)
        ? { error: "outside_opening_hours", text: `${day} haben wir geschlossen, ${openingSpoken(c.company, date)}` }
        : {
            error: "outside_opening_hours",
            text: `um ${time} hat der Salon ${day} nicht geöffnet, ${openingSpoken(c.company, date)}`,
          };
    case "ends_after_closing":
      return {
        error: "outside_opening_hours",
        text: `${c.service.name} dauert ${durationSpoken(c.service.durationMinutes)}, ab ${time} schaffen wir das nicht mehr vor ${detail.pause ? "der Mittagspause" : "Ladenschluss"}${detail.closesAt ? ` um ${timeSpoken(detail.closesAt, tz)}` : ""}`,
      };
    case "no_staff":
      return {
        text: c.staffName
          ? `${c.staffName} bietet ${c.service.name} leider nicht an`
          : `${c.service.name} bietet im Moment leider niemand an`,
      };
    case "not_on_grid":
      return {
        text: `Termine vergeben wir ${gridSpoken(c.company.slotGridMinutes)}, um ${time} geht es deshalb nicht`,
      };
    case "staff_not_working":
      return {
        text: c.staffName
          ? `${c.staffName} arbeitet ${day} leider nicht`
          : `${day} ist für ${c.service.name} leider niemand im Haus`,
      };
    case "staff_absent":
      return {
        text: c.staffName
          ? `${c.staffName} ist ${detail.partOfDay ? when : day} leider nicht im Salon`
          : `${detail.partOfDay ? when : day} ist für ${c.service.name} leider niemand im Haus`,
      };
    case "staff_ends_early":
      return {
        text: `${c.staffName ?? "Unser Team"} arbeitet ${day} nur bis ${detail.staffUntil ? timeSpoken(detail.staffUntil, tz) : "zum frühen Abend"}, für ${c.service.name} ab ${time} reicht das nicht`,
      };
    default:
      return { text: `${when} ist${by} leider schon vergeben` };
  }
}

/** "am Freitag, den 25. Dezember," before the verb; "heute" needs no comma. */
const lead = (day: string) => (day === "heute" ? day : `${day},`);

const ORDINALS = ["erster", "zweiter", "dritter", "vierter"];
/** "1. Weihnachtstag" is said "erster Weihnachtstag" (a digit and a dot would read as a sentence end). */
export const holidaySpoken = (name: string) =>
  name.replace(/\b([1-4])\. /g, (_, n: string) => `${ORDINALS[Number(n) - 1]} `);

function gridSpoken(minutes: number): string {
  if (minutes === 15) return "im Viertelstundentakt";
  if (minutes === 30) return "im Halbstundentakt";
  if (minutes === 60) return "zur vollen Stunde";
  return `alle ${minutes} Minuten`;
}
