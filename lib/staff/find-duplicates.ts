import { and, asc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../context";
import { staff } from "../db";

export type DuplicateReason = "name" | "email" | "calcom_user";
export type DuplicateGroup = {
  staff: { id: string; name: string; email: string | null; calcomUserId: number | null }[];
  reasons: DuplicateReason[];
};

/**
 * "  Fabian  SPITZER " and "Fabián Spitzer" are the same name; ß counts as ss, "ü", "ue" and "u" alike
 * ("Müller", "Mueller") — the folding of the database's slotdesk_fold, so labels agree in SQL and here.
 */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([aou])e/g, "$1")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

type Member = { id: string; name: string; email: string | null; calcomUserId: number | null };

/** Groups of records that look like one person: same normalised name, same e-mail or same Cal.com user. */
export function groupDuplicates<M extends Member>(members: M[]): { staff: M[]; reasons: DuplicateReason[] }[] {
  const parent = members.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const reasons = new Map<number, Set<DuplicateReason>>();
  const link = (keyOf: (m: M) => string | null, reason: DuplicateReason) => {
    const first = new Map<string, number>();
    members.forEach((m, i) => {
      const key = keyOf(m);
      if (!key) return;
      const j = first.get(key);
      if (j === undefined) return void first.set(key, i);
      const root = find(j);
      parent[find(i)] = root;
      reasons.set(root, new Set([...(reasons.get(root) ?? []), reason]));
    });
  };
  link((m) => normaliseName(m.name) || null, "name");
  link((m) => m.email?.trim().toLowerCase() || null, "email");
  link((m) => (m.calcomUserId === null ? null : String(m.calcomUserId)), "calcom_user");

  const groups = new Map<number, M[]>();
  members.forEach((m, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), m]));
  return [...groups.entries()]
    .filter(([, list]) => list.length > 1)
    .map(([root, list]) => {
      const collected = new Set<DuplicateReason>();
      for (const [r, set] of reasons) if (find(r) === root) set.forEach((x) => collected.add(x));
      return { staff: list, reasons: [...collected] };
    });
}

/**
 * Likely duplicate staff records among the bookable ones (active, not merged): deactivating or
 * merging one record resolves a pair.
 */
export async function findDuplicateStaff({ ctx }: { ctx: Ctx }): Promise<DuplicateGroup[]> {
  const members = await ctx.db
    .select({ id: staff.id, name: staff.name, email: staff.email, calcomUserId: staff.calcomUserId })
    .from(staff)
    .where(and(eq(staff.companyId, ctx.company.id), isNull(staff.mergedInto), eq(staff.active, true)))
    .orderBy(asc(staff.createdAt), asc(staff.id));
  return groupDuplicates(members);
}
