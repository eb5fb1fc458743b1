import { localDate } from "../../time";
import { readField } from "./field-meanings";
import { resolve } from "./resolve";

export type ParsedWhen =
  | {
      ok: true;
      /** Salon-local date, yyyy-MM-dd. */
      date: string;
      /** Minutes after local midnight; null when no time was given. */
      minute: number | null;
      /** The instant, when minute !== null. */
      start: Date | null;
    }
  | {
      ok: false;
      reason: "missing" | "unclear" | "impossible";
      /** One natural German sentence the phone agent can say, asking back. */
      question: string;
    };

/**
 * Understands the `date` and `time` arguments the voice agent fills, each either ISO
 * ("2025-11-28", "10:00") or spoken German ("nächsten Freitag", "halb elf"). Relative words are
 * relative to the salon-local date of `now`. Dates in the past are returned as they are.
 */
export function parseWhen(input: {
  date?: string | null;
  time?: string | null;
  now: Date;
  timeZone: string;
}): ParsedWhen {
  const readings = [
    readField("date", input.date, input.now, input.timeZone),
    readField("time", input.time, input.now, input.timeZone),
  ];
  return resolve(readings, input.timeZone, localDate(input.now, input.timeZone));
}
