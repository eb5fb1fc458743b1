import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAppointmentEvent } from "../../appointments";
import type { Ctx } from "../../context";
import { appointments } from "../../db";
import { notFound, parseInput } from "../../errors";

export const clearReviewInput = z.object({
  appointmentId: z.number().int().positive(),
  reason: z
    .string()
    .trim()
    .min(3, "Bitte kurz begründen, warum der Termin nicht mehr geprüft werden muss.")
    .max(300, "Die Begründung ist zu lang (höchstens 300 Zeichen)."),
});

/**
 * "Als erledigt markieren": the operator takes the appointment off the Prüfliste and says why; the
 * reason lands in the appointment's history with the admin's name. Idempotent: an unflagged one stays so.
 */
export async function clearReview({ ctx, input }: { ctx: Ctx; input: z.input<typeof clearReviewInput> }) {
  const { appointmentId, reason } = parseInput(clearReviewInput, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ review: appointments.requiresManualReview })
      .from(appointments)
      .where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.id, appointmentId)))
      .for("update");
    if (!row) throw notFound("Termin", { appointmentId });
    if (!row.review) return { cleared: false };
    await tx.update(appointments).set({ requiresManualReview: false }).where(eq(appointments.id, appointmentId));
    await recordAppointmentEvent(tx, ctx, {
      appointmentId,
      kind: "note",
      note: `Aus der Prüfliste genommen: ${reason}`,
      detail: { review: false, reason },
    });
    return { cleared: true };
  });
}
