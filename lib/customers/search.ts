import { type AnyColumn, type SQL, and, sql } from "drizzle-orm";
import { customers } from "../db";

/**
 * The digits of a typed phone number as they appear in a stored E.164 number without its "+":
 * "+49 151 …", "+49 (0)151 …", "0049 151 …" and "0151 …" all give "49151…". Null when the text is no
 * number (letters, or fewer than three digits).
 */
export function phoneDigits(q: string): string | null {
  const text = q.trim();
  if (!/^[+\d\s()/.-]+$/.test(text)) return null;
  // "+49 (0)151": the bracketed trunk zero is written but never dialled after a country code.
  const digits = text.replace(/\(0\)/g, "").replace(/\D/g, "");
  if (digits.length < 3) return null;
  if (text.startsWith("+")) return digits;
  if (digits.startsWith("00")) return digits.slice(2);
  if (digits.startsWith("0")) return `49${digits.slice(1)}`;
  return digits;
}

/** Matches a stored phone column (E.164) against what was typed, in any German way of writing it. */
export function phoneMatches(column: AnyColumn | SQL, q: string): SQL | null {
  const digits = phoneDigits(q);
  return digits ? sql`${column} like ${`%${digits}%`}` : null;
}

/** The words of a typed name; none when it holds no letter or digit (such a text matches nobody). */
const words = (q: string) => q.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/**
 * A customer matches what was typed: a phone number in any format, or the name without regard to
 * case, umlauts ("Krüger", "Krueger", "kruger"), accents and small typos ("Krugr"), by the folded
 * search_name and pg_trgm's word similarity (its index serves both). Every typed word must match,
 * in any order ("krüger anna" finds "Anna Krüger").
 */
export function customerMatches(q: string): SQL {
  const phone = phoneMatches(customers.phone, q);
  if (phone) return phone;
  const typed = words(q);
  if (typed.length === 0) return sql`false`;
  return and(
    ...typed.map((word) => {
      const folded = sql`slotdesk_fold(${word})`;
      return sql`(${customers.searchName} like '%' || ${folded} || '%' or ${folded} <% ${customers.searchName})`;
    }),
  )!;
}

/** Best matches first: exact part of the name before a typo-tolerant one. */
export function customerRank(q: string): SQL<number> {
  return sql<number>`word_similarity(slotdesk_fold(${q.trim()}), ${customers.searchName})`;
}
