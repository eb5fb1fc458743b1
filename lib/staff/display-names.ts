import { asc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { staff } from "../db";
import { normaliseName } from "./find-duplicates";

type Named = { id: string; name: string; createdAt: Date; mergedInto?: string | null };

/**
 * How each staff record is shown: its name, and where two records carry the same name, a number in
 * the order they were created — "Fabian Spitzer" and "Fabian Spitzer (2)" — so lists, filters and
 * dialogs tell them apart. A record merged into another keeps its plain name and does not count.
 */
export function labelStaff(records: Named[]): Map<string, string> {
  // Creation order, then id: stable, whatever order the records come in.
  const sorted = [...records].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const seen = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const record of sorted) {
    if (record.mergedInto) {
      labels.set(record.id, record.name);
      continue;
    }
    const key = normaliseName(record.name);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    labels.set(record.id, n === 1 ? record.name : `${record.name} (${n})`);
  }
  return labels;
}

/** Display labels of every staff record of the company (merged and inactive ones included: history names them). */
export async function staffLabels({ ctx }: { ctx: Ctx }): Promise<Map<string, string>> {
  const rows = await ctx.db
    .select({ id: staff.id, name: staff.name, createdAt: staff.createdAt, mergedInto: staff.mergedInto })
    .from(staff)
    .where(eq(staff.companyId, ctx.company.id))
    .orderBy(asc(staff.createdAt));
  return labelStaff(rows);
}

/** Rows that name a stylist by `staffId` get her label as `staffName` ("Fabian Spitzer (2)"). */
export async function withStaffLabels<R extends { staffId: string; staffName: string }>(
  ctx: Ctx,
  rows: R[],
): Promise<R[]> {
  if (rows.length === 0) return rows;
  const labels = await staffLabels({ ctx });
  return rows.map((r) => ({ ...r, staffName: labels.get(r.staffId) ?? r.staffName }));
}
