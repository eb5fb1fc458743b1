import { z } from "zod";
import { addDays } from "../time";

/** Empty form fields mean "no filter". */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A real calendar date ("2026-13-45" and "2027-02-30" are none) within the years a salon works in. */
export const isCalendarDate = (d: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(d) && d >= "2000-01-01" && d <= "2099-12-31" && addDays(d, 0) === d;

export const optionalDate = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Datum als JJJJ-MM-TT")
    .refine(isCalendarDate, "Kein gültiges Datum")
    .optional(),
);
export const optionalText = z.preprocess(blank, z.string().trim().max(100).optional());
export const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blank, z.enum(values).optional());

export const paging = {
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)),
  size: z.preprocess(blank, z.coerce.number().int().min(10).max(100).default(25)),
  dir: z.preprocess(blank, z.enum(["asc", "desc"]).optional()),
};

export type Page<T> = { rows: T[]; total: number; page: number; size: number; pageCount: number };

/** searchParams as Next gives them → a flat record (the first value of repeated keys). */
export function flatParams(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? (v[0] ?? "") : v]])),
  );
}

/**
 * Parses list parameters; invalid values are dropped one by one (with a German note) instead of
 * failing the whole page, so a hand-edited URL still shows a list.
 */
export function parseListParams<S extends z.ZodObject>(
  schema: S,
  raw: Record<string, string>,
): { query: z.infer<S>; problems: string[] } {
  const result = schema.safeParse(raw);
  if (result.success) return { query: result.data, problems: [] };
  const bad = new Set(result.error.issues.map((i) => String(i.path[0])));
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k)));
  return { query: schema.parse(cleaned), problems: [...bad].map((k) => `Ungültiger Filter „${k}“ wurde ignoriert.`) };
}
