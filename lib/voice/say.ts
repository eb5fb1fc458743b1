import { daySpoken, timeSpoken, addDays, localDate } from "../time";
import { listAnd, listOr } from "./matching";

/**
 * How the agent says things — one place for all seven functions. A message is at most two
 * sentences (a question may be the second), each starts upper-case, days with a weekday take "am",
 * and every time said is the instant the JSON carries.
 */

/** "heute", "morgen, am Mittwoch, den 2. Dezember", "am Freitag, den 28. November" */
export function dayPhrase(instant: Date, timeZone: string, now: Date): string {
  const day = localDate(instant, timeZone);
  const today = localDate(now, timeZone);
  if (day === today) return "heute";
  const date = `am ${daySpoken(instant, timeZone)}`;
  return day === addDays(today, 1) ? `morgen, ${date},` : date;
}

/** "heute um 10 Uhr", "am Freitag, den 28. November, um 10 Uhr" */
export function whenPhrase(instant: Date, timeZone: string, now: Date): string {
  const day = dayPhrase(instant, timeZone, now);
  const comma = day === "heute" || day.endsWith(",") ? "" : ",";
  return `${day}${comma} um ${timeSpoken(instant, timeZone)}`;
}

/** One sentence: trimmed, single spaces, upper-case start, closing punctuation. */
export function sentence(text: string): string {
  const t = text
    .replace(/\s+/g, " ")
    .replace(/\s+([,.?!])/g, "$1")
    .trim();
  if (!t) return "";
  const body = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.?!]$/.test(body) ? body : `${body}.`;
}

/** The message: one or two sentences (the second may be the question). */
export function say(first: string, second?: string): string {
  return [first, second]
    .filter((s): s is string => Boolean(s && s.trim()))
    .map(sentence)
    .join(" ");
}

export type Offer = { start: Date; staffName: string };

/**
 * Alternatives said compactly: what they share is said once, and the order matches the JSON.
 * "am Donnerstag, den 17. Dezember, bei Fabian Spitzer um 14 Uhr 15, 14 Uhr 30 oder 14 Uhr 45".
 * The day is left out when it is the requested day, the stylist when it is the one asked for.
 */
export function offersPhrase<T extends Offer>(
  offers: T[],
  timeZone: string,
  now: Date,
  opts: { requestedDay?: string; askedFor?: string | null },
): string {
  const groups: { key: string; day: string; staff: string | null; items: T[] }[] = [];
  for (const offer of offers) {
    const dayKey = localDate(offer.start, timeZone);
    const staff = offer.staffName === opts.askedFor ? null : offer.staffName;
    const key = `${dayKey}|${staff ?? ""}`;
    const group = groups.find((g) => g.key === key);
    if (group) group.items.push(offer);
    else
      groups.push({
        key,
        day: dayKey === opts.requestedDay ? "" : dayPhrase(offer.start, timeZone, now),
        staff,
        items: [offer],
      });
  }
  const spoken = groups.map((g) => {
    const times = g.items.map((o) => timeSpoken(o.start, timeZone));
    const parts = [
      g.day.replace(/,$/, ""),
      g.staff ? `bei ${g.staff}` : "",
      `um ${groups.length > 1 ? listAnd(times) : listOr(times)}`,
    ];
    return parts.filter(Boolean).join(" ");
  });
  return groups.length > 1 ? listOr(spoken) : (spoken[0] ?? "");
}

/** The offers in the order `offersPhrase` says them (grouped), so JSON and speech agree. */
export function inSpokenOrder<T extends Offer>(offers: T[], timeZone: string, askedFor?: string | null): T[] {
  const order: string[] = [];
  const byKey = new Map<string, T[]>();
  for (const offer of offers) {
    const key = `${localDate(offer.start, timeZone)}|${offer.staffName === askedFor ? "" : offer.staffName}`;
    if (!byKey.has(key)) order.push(key);
    byKey.set(key, [...(byKey.get(key) ?? []), offer]);
  }
  return order.flatMap((k) => byKey.get(k)!);
}
