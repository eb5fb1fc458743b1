import { z } from "zod";
import { changingCatalog } from "../catalog";
import type { Ctx } from "../context";
import { parseInput } from "../errors";
import { serviceIds, staffId } from "./staff-input";
import { lockStaff, replaceServices } from "./write-staff";

const servicesInput = z.object({ staffId, serviceIds });

/** Which services the stylist does (qualifications); only this salon's services are accepted. */
export async function setStaffServices({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof servicesInput>;
}): Promise<{ id: string; name: string; services: number }> {
  const data = parseInput(servicesInput, input);
  return changingCatalog(ctx, () =>
    ctx.db.transaction(async (tx) => {
      const member = await lockStaff(tx, ctx.company.id, data.staffId);
      await replaceServices(tx, ctx.company.id, member.id, data.serviceIds);
      return { id: member.id, name: member.name, services: data.serviceIds.length };
    }),
  );
}
