import { z } from "zod";
import { changingCatalog } from "../catalog";
import type { Ctx } from "../context";
import { parseInput } from "../errors";
import { staffId, workingHours } from "./staff-input";
import { lockStaff, replaceHours } from "./write-staff";

const hoursInput = z.object({ staffId, hours: workingHours });

/** Replaces a stylist's weekly hours; several ranges a day make breaks nobody is booked into. */
export async function setWorkingHours({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof hoursInput>;
}): Promise<{ id: string; name: string; ranges: number }> {
  const data = parseInput(hoursInput, input);
  return changingCatalog(ctx, () =>
    ctx.db.transaction(async (tx) => {
      const member = await lockStaff(tx, ctx.company.id, data.staffId);
      await replaceHours(tx, ctx.company.id, member.id, data.hours);
      return { id: member.id, name: member.name, ranges: data.hours.length };
    }),
  );
}
