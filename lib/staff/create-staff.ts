import type { z } from "zod";
import { changingCatalog } from "../catalog";
import type { Ctx } from "../context";
import { staff } from "../db";
import { parseInput } from "../errors";
import { createStaffInput } from "./staff-input";
import { replaceHours, replaceServices } from "./write-staff";
import { refreshPersonGroups } from "./person-groups";

/** A new stylist with services and working hours, bookable by the voice agent from the next request on. */
export async function createStaff({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof createStaffInput>;
}): Promise<{ id: string; name: string }> {
  const { serviceIds, hours, ...profile } = parseInput(createStaffInput, input);
  return changingCatalog(ctx, () =>
    ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(staff)
        .values({ companyId: ctx.company.id, ...profile })
        .returning({ id: staff.id, name: staff.name });
      await replaceServices(tx, ctx.company.id, row!.id, serviceIds);
      await replaceHours(tx, ctx.company.id, row!.id, hours);
      await refreshPersonGroups(tx, ctx.company.id);
      return row!;
    }),
  );
}
