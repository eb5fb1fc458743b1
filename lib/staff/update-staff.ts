import { eq } from "drizzle-orm";
import { z } from "zod";
import { changingCatalog } from "../catalog";
import type { Ctx } from "../context";
import { staff } from "../db";
import { parseInput } from "../errors";
import { staffId, staffProfileInput } from "./staff-input";
import { lockStaff } from "./write-staff";
import { refreshPersonGroups } from "./person-groups";

const updateInput = z.object({ id: staffId, profile: staffProfileInput });

/** Name, contact, colour and Cal.com user of a stylist. */
export async function updateStaff({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof updateInput>;
}): Promise<{ id: string; name: string }> {
  const { id, profile } = parseInput(updateInput, input);
  return changingCatalog(ctx, () =>
    ctx.db.transaction(async (tx) => {
      await lockStaff(tx, ctx.company.id, id);
      const [row] = await tx
        .update(staff)
        .set(profile)
        .where(eq(staff.id, id))
        .returning({ id: staff.id, name: staff.name });
      await refreshPersonGroups(tx, ctx.company.id);
      return row!;
    }),
  );
}
