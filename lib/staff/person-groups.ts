import { and, asc, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import { type DbOrTx, staff } from "../db";
import { groupDuplicates } from "./find-duplicates";

/**
 * Gives the records the duplicate finder takes for one person a shared person_group (the smallest
 * id of the group), and takes it away from every other record. While two records share it, the
 * database lets only one of them be busy at a time (trigger of migration 0013) and availability
 * counts the busy time of each for both. Only rows whose group changes are written. Run it after
 * every write that can create or resolve a pair: new record, rename, e-mail or Cal.com user,
 * (de)activation, merge.
 */
export async function refreshPersonGroups(db: DbOrTx, companyId: string): Promise<void> {
  const members = await db
    .select({
      id: staff.id,
      name: staff.name,
      email: staff.email,
      calcomUserId: staff.calcomUserId,
      personGroup: staff.personGroup,
    })
    .from(staff)
    .where(and(eq(staff.companyId, companyId), isNull(staff.mergedInto), eq(staff.active, true)))
    .orderBy(asc(staff.createdAt), asc(staff.id));
  const wanted = new Map<string, string>();
  for (const group of groupDuplicates(members)) {
    const key = group.staff.map((m) => m.id).sort()[0]!;
    for (const m of group.staff) wanted.set(m.id, key);
  }
  const grouped = [...wanted.keys()];
  await db
    .update(staff)
    .set({ personGroup: null })
    .where(
      and(
        eq(staff.companyId, companyId),
        sql`${staff.personGroup} is not null`,
        grouped.length ? notInArray(staff.id, grouped) : undefined,
      ),
    );
  const byKey = new Map<string, string[]>();
  for (const [id, key] of wanted)
    if (members.find((m) => m.id === id)?.personGroup !== key) byKey.set(key, [...(byKey.get(key) ?? []), id]);
  for (const [key, ids] of byKey)
    await db
      .update(staff)
      .set({ personGroup: key })
      .where(and(eq(staff.companyId, companyId), inArray(staff.id, ids)));
}
