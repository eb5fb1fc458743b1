import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { appointments, services } from "../db";
import { AppError, parseInput, pgErrorCode } from "../errors";
import { countDe } from "../time";
import { changingCatalog } from "./catalog";

const deleteInput = z.object({ id: z.number().int().positive() });
const refused = (name: string, n: number | null) =>
  new AppError(
    "CONFLICT",
    `„${name}“ hat ${n === null ? "neue Termine" : countDe(n, "Termin", "Termine")} und kann nicht gelöscht werden. Deaktivieren Sie die Leistung stattdessen.`,
  );

/**
 * Deletes a service nobody ever booked (segments, staff links and Cal.com mappings go with it).
 * A service with appointments is refused: it must stay for their history, so it is deactivated instead.
 */
export async function deleteService({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof deleteInput>;
}): Promise<{ id: number; name: string }> {
  const { id } = parseInput(deleteInput, input);
  return changingCatalog(ctx, () =>
    ctx.db.transaction(async (tx) => {
      const [service] = await tx
        .select({ id: services.id, name: services.name })
        .from(services)
        .where(and(eq(services.companyId, ctx.company.id), eq(services.id, id)))
        .for("update");
      if (!service) throw new AppError("NOT_FOUND", "Leistung nicht gefunden", { serviceId: id });
      const [used] = await tx.select({ n: count() }).from(appointments).where(eq(appointments.serviceId, id));
      if ((used?.n ?? 0) > 0) throw refused(service.name, used!.n);
      // An appointment booked since the count still wins: the foreign key refuses the delete.
      await tx
        .delete(services)
        .where(eq(services.id, id))
        .catch((error: unknown) => {
          throw pgErrorCode(error) === "23503" ? refused(service.name, null) : error;
        });
      return service;
    }),
  );
}
