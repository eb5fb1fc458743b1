import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../context";
import { appointments } from "../../db/schema";
import { AppError } from "../../errors";
import { requestCalcomSync } from "./request-sync";

/** "Erneut synchronisieren": queue a fresh sync job (it adopts what exists, creates what is missing). */
export async function retrySync({ ctx, input }: { ctx: Ctx; input: { appointmentId: number } }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.id, input.appointmentId)))
      .for("update");
    if (!row) throw new AppError("NOT_FOUND", "Termin nicht gefunden", { appointmentId: input.appointmentId });
    await tx.update(appointments).set({ requiresManualReview: false }).where(eq(appointments.id, row.id));
    await requestCalcomSync(tx, { id: row.id, companyId: ctx.company.id });
  });
}
