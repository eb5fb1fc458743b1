import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getProducer } from "../../jobs/boss";
import { CALCOM_REVERIFY, singletonKeyFor } from "../../jobs/queues";
import type { Ctx } from "../../context";
import { appointments } from "../../db/schema";
import { parseInput } from "../../errors";
import { requestCalcomSync } from "./request-sync";

const idsInput = z.object({ appointmentIds: z.array(z.number().int().positive()).min(1, "Bitte mindestens einen Termin auswählen.").max(200) });

/** Only the company's own appointments, whatever ids were sent. */
async function ownIds(ctx: Ctx, ids: number[]): Promise<number[]> {
  const found = await ctx.db.select({ id: appointments.id }).from(appointments).where(and(eq(appointments.companyId, ctx.company.id), inArray(appointments.id, ids)));
  return found.map((r) => r.id);
}

/** Bulk "Sync erneut prüfen": one calcom-reverify job per appointment. */
export async function reverifyMany({ ctx, input }: { ctx: Ctx; input: z.input<typeof idsInput> }): Promise<number> {
  const { appointmentIds } = parseInput(idsInput, input);
  const ids = await ownIds(ctx, appointmentIds);
  const boss = await getProducer();
  for (const id of ids) await boss.send(CALCOM_REVERIFY, { appointmentId: id, companyId: ctx.company.id }, { singletonKey: singletonKeyFor(id) });
  return ids.length;
}

/** Bulk "Erneut synchronisieren": review flags cleared and sync jobs queued in one transaction. */
export async function retryMany({ ctx, input }: { ctx: Ctx; input: z.input<typeof idsInput> }): Promise<number> {
  const { appointmentIds } = parseInput(idsInput, input);
  return ctx.db.transaction(async (tx) => {
    const ids = await ownIds({ ...ctx, db: tx }, appointmentIds);
    for (const id of ids) {
      await tx.update(appointments).set({ requiresManualReview: false }).where(eq(appointments.id, id));
      await requestCalcomSync(tx, { id, companyId: ctx.company.id });
    }
    return ids.length;
  });
}
