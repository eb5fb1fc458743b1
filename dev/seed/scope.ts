import type { Tx } from "../../lib/db";
import type { DemoCompany } from "./catalog";
import type { Random } from "./random";

/** What each table group writes with: the company's transaction, its definition and its one random sequence. */
export type SeedScope = { tx: Tx; def: DemoCompany; companyId: string; random: Random };

/** Cal.com booking ids continue from one company to the next. */
export type Counters = { bookingId: number };

const PART_SIZE = 400;

/** Bulk inserts go out in parts so no statement nears PostgreSQL's limit of 65 535 parameters. */
export async function insertInParts<T, R>(rows: T[], insert: (part: T[]) => Promise<readonly R[]>): Promise<R[]> {
  const inserted: R[] = [];
  for (let from = 0; from < rows.length; from += PART_SIZE) {
    inserted.push(...(await insert(rows.slice(from, from + PART_SIZE))));
  }
  return inserted;
}
