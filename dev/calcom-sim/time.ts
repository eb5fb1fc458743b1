import { randomBytes } from "node:crypto";
import { localDate, utcOffsetMs } from "../../lib/time";

/** Date/time-zone helpers (zone offsets from lib/time/zoned) and id generation. */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export const isIsoDate = (v: string) => ISO_DATE.test(v);

/** A strict ISO 8601 date-time with `Z` or an offset → Date, else undefined. */
export function parseIsoDateTime(v: unknown): Date | undefined {
  if (typeof v !== "string" || !ISO_DATETIME.test(v)) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** A date (`YYYY-MM-DD`, read as UTC midnight) or a date-time; undefined when invalid. */
export function parseIsoLoose(v: unknown): Date | undefined {
  if (typeof v === "string" && isIsoDate(v)) {
    const d = new Date(`${v}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return parseIsoDateTime(v);
}

export function isValidTimeZone(tz: unknown): tz is string {
  if (typeof tz !== "string" || tz.length === 0) return false;
  try {
    utcOffsetMs(Date.now(), tz);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `tz` from UTC at `date`, in minutes (Europe/Berlin in summer → 120). */
export function offsetMinutes(date: Date, tz: string): number {
  return Math.round(utcOffsetMs(date.getTime(), tz) / 60_000);
}

/** The instant of a wall-clock time in `tz` (gaps/overlaps resolved like most libraries: first offset). */
export function zonedToUtc(tz: string, y: number, m: number, d: number, h: number, min: number): Date {
  const guess = Date.UTC(y, m - 1, d, h, min);
  const first = guess - offsetMinutes(new Date(guess), tz) * 60_000;
  const second = guess - offsetMinutes(new Date(first), tz) * 60_000;
  return new Date(second);
}

/** `YYYY-MM-DD` of `date` as seen in `tz`. */
export const dateKey = (date: Date, tz: string): string => localDate(date, tz);

/** Luxon-like `toISO()`: `Z` for UTC, else the zone's offset, always with milliseconds. */
export function isoInZone(date: Date, tz: string | undefined): string {
  if (!tz || tz === "UTC" || tz === "Etc/UTC") return date.toISOString();
  const off = offsetMinutes(date, tz);
  const local = new Date(date.getTime() + off * 60_000).toISOString().slice(0, 23);
  const sign = off < 0 ? "-" : "+";
  return `${local}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

const BASE58 = "123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
/** 22-character base58 uid like Cal.com's short-uuid booking uids. */
export function newUid(): string {
  const bytes = randomBytes(22);
  let out = "";
  for (const b of bytes) out += BASE58[b % 58];
  return out;
}

export const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);
