import { eq } from "drizzle-orm";
import { z } from "zod";
import { changingCatalog } from "../catalog";
import type { Ctx } from "../context";
import { staff } from "../db";
import { parseInput } from "../errors";
import { staffId } from "./staff-input";
import { lockStaff } from "./write-staff";

const activeInput = z.object({ staffId, active: z.boolean() });

/** An inactive stylist is offered to nobody; booked appointments stay and stay with her. */
export async function setStaffActive({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof activeInput>;
}): Promise<{ id: string; name: string; active: boolean }> {
  const data = parseInput(activeInput, input);
  return changingCatalog(ctx, () =>
    ctx.db.transaction(async (tx) => {
      await lockStaff(tx, ctx.company.id, data.staffId);
      const [row] = await tx
        .update(staff)
        .set({ active: data.active })
        .where(eq(staff.id, data.staffId))
        .returning({ id: staff.id, name: staff.name, active: staff.active });
      return row!;
    }),
  );
}
