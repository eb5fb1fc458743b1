import type { Ctx } from "../context";
import { services } from "../db";
import { parseInput } from "../errors";
import { type ServiceInput, serviceInput } from "./service-input";
import { assertAssignableStaff, assertUniqueName, mapWriteError, serviceColumns, writeChildren } from "./write-service";
import { changingCatalog } from "./catalog";

/** Creates a service with its segments and staff in one transaction; invalid input writes nothing. */
export async function createService({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ServiceInput;
}): Promise<{ id: number; name: string }> {
  const data = parseInput(serviceInput, input);
  try {
    return await changingCatalog(ctx, () =>
      ctx.db.transaction(async (tx) => {
        await assertUniqueName(tx, ctx.company.id, data.name);
        await assertAssignableStaff(tx, ctx.company.id, data.staffIds);
        const [row] = await tx
          .insert(services)
          .values({ companyId: ctx.company.id, ...serviceColumns(data) })
          .returning({ id: services.id, name: services.name });
        await writeChildren(tx, ctx.company.id, row!.id, data);
        return row!;
      }),
    );
  } catch (error) {
    throw mapWriteError(error, data.name);
  }
}
