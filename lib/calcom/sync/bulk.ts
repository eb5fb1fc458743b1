import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getProducer, CALCOM_REVERIFY, singletonKeyFor } from "../../jobs";
import type { Ctx } from "../../context";
import { appointments } from "../../db";
import { parseInput } from "../../errors";

/** A selection of appointments, as the Sync-Monitor sends it; also the input of retrySync. */
export const appointmentIdsInput = z.object({
  appointmentIds: z.array(z.number().int().positive()).min(1, "Bitte mindestens einen Termin auswählen.").max(200),
});

export type AppointmentIds = z.input<typeof appointmentIdsInput>;

/** Bulk "Sync erneut prüfen": one calcom-reverify job per appointment of the company, whatever ids were sent. */
export async function reverifyMany({ ctx, input }: { ctx: Ctx; input: AppointmentIds }): Promise<number> {
  const { appointmentIds } = parseInput(appointmentIdsInput, input);
  const own = await ctx.db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.companyId, ctx.company.id), inArray(appointments.id, appointmentIds)));
  const boss = await getProducer();
  for (const { id } of own) {
    const job = { appointmentId: id, companyId: ctx.company.id };
    await boss.send(CALCOM_REVERIFY, job, { singletonKey: singletonKeyFor(id) });
  }
  return own.length;
}
