import { staff, staffWorkingHours } from "../../lib/db";
import type { SeedScope } from "./scope";

/** Staff records with their weekly hours; returns their ids in `def.staff` order. */
export async function insertStaff({ tx, def, companyId }: SeedScope): Promise<string[]> {
  const rows = await tx
    .insert(staff)
    .values(
      def.staff.map((s) => ({
        ...(s.id ? { id: s.id } : {}),
        companyId,
        name: s.name,
        email: s.email,
        phone: s.phone,
        calcomUserId: s.calcomUserId,
      })),
    )
    .returning({ id: staff.id });
  const staffIds = rows.map((r) => r.id);
  await tx.insert(staffWorkingHours).values(
    def.staff.flatMap((s, i) =>
      Object.entries(s.hours).map(([weekday, [startTime, endTime]]) => ({
        companyId,
        staffId: staffIds[i]!,
        weekday: Number(weekday),
        startTime,
        endTime,
      })),
    ),
  );
  return staffIds;
}
