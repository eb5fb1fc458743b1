import { and, asc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../context";
import { appointments } from "../../db";
import { notFound, parseInput } from "../../errors";
import { type AppointmentIds, appointmentIdsInput } from "./bulk";
import { requestCalcomSync } from "./request-sync";

/**
 * "Erneut synchronisieren" for one appointment or a selection: a fresh sync job queued per appointment
 * (it adopts what exists, creates what is missing), all in one transaction. The review flag stays
 * until that sync concludes, so the Prüfliste shows "Ausstehend" and then the real outcome.
 * Only the company's own appointments count; when none is left, NOT_FOUND.
 */
export async function retrySync({ ctx, input }: { ctx: Ctx; input: AppointmentIds }): Promise<number> {
  const { appointmentIds } = parseInput(appointmentIdsInput, input);
  return ctx.db.transaction(async (tx) => {
    // Locked in id order, so two overlapping selections queue one after the other instead of deadlocking.
    const rows = await tx
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.companyId, ctx.company.id), inArray(appointments.id, appointmentIds)))
      .orderBy(asc(appointments.id))
      .for("update");
    if (rows.length === 0) throw notFound("Termin", { appointmentIds });
    for (const { id } of rows) await requestCalcomSync(tx, { id, companyId: ctx.company.id }, "admin");
    return rows.length;
  });
}
