import { eq } from "drizzle-orm";
import type { Company } from "@/lib/context";
import { getDb } from "@/lib/db/client";
import { companies, type OpeningHours } from "@/lib/db/schema";
import { zonedInstant } from "@/lib/time/zoned";
import { ctxFor, makeSalon } from "../../support/factories";

/** The factory salon with a Bundesland, holidays kept open and a horizon long enough for the dates used. */
export async function salonIn(
  state: string | null,
  options: { openOnHolidays?: string[]; openingHours?: OpeningHours } = {},
) {
  const salon = await makeSalon({ openingHours: options.openingHours });
  const company = await reload(salon.company.id, {
    state,
    openOnHolidays: options.openOnHolidays ?? [],
    bookingHorizonDays: 730,
  });
  return { ...salon, company, ctx: ctxFor(company) };
}

/** The company row as the next request reads it (optionally after changing it). */
export async function reload(id: string, values: Partial<typeof companies.$inferInsert> = {}): Promise<Company> {
  if (Object.keys(values).length) await getDb().update(companies).set(values).where(eq(companies.id, id));
  const [row] = await getDb().select().from(companies).where(eq(companies.id, id));
  return row!;
}

export const berlin = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant(date, h! * 60 + m!, "Europe/Berlin");
};
export const localTimes = (list: { start: Date }[]) =>
  list.map((c) =>
    c.start.toLocaleTimeString("de-DE", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" }),
  );
