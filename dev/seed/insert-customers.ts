import { customers } from "../../lib/db";
import { makeCustomers, type DemoCustomer } from "./people";
import type { SeedScope } from "./scope";
import { seed000Customers } from "./seed-000";

/** Appointments and calls refer to a customer by index into `list`; `ids` holds the row ids in that order. */
export type SeededCustomers = { list: DemoCustomer[]; ids: number[] };

export async function insertCustomers({ tx, def, companyId, random }: SeedScope): Promise<SeededCustomers> {
  const list = makeCustomers(random, def.customerCount, seed000Customers(def));
  const rows = await tx
    .insert(customers)
    .values(list.map((c) => ({ companyId, ...c })))
    .returning({ id: customers.id });
  return { list, ids: rows.map((r) => r.id) };
}
