import { and, eq, gte } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { type DbOrTx, companies, retellAgentHolders, retellAgentSightings } from "../db";
import { AppError, notFound, parseInput, pgErrorCode } from "../errors";

/** How long after a signed test call of an unclaimed agent a salon may take its id. */
export const AGENT_PROOF_MINUTES = 10;

const TAKEN = "Diese Agent-ID ist bereits einem anderen Salon zugeordnet. Bitte prüfen Sie die ID in Retell.";
const UNPROVEN =
  `SlotDesk hat von diesem Agenten noch keinen Anruf erhalten. Bitte tragen Sie in Retell die Adressen von ` +
  `SlotDesk ein, rufen Sie den Agenten einmal an (Testanruf) und speichern Sie die Agent-ID innerhalb von ` +
  `${AGENT_PROOF_MINUTES} Minuten danach.`;

/**
 * A signed Retell request (function call or call webhook) for an agent that no salon holds: kept as
 * the proof an admin needs to take that agent id. The signature was verified before this is called.
 */
export async function recordAgentSighting(
  db: DbOrTx,
  agentId: string | null | undefined,
  retellCallId: string | null | undefined,
  now = new Date(),
): Promise<void> {
  if (!agentId || agentId.length > 200) return;
  await db
    .insert(retellAgentSightings)
    .values({ agentId, lastSeenAt: now, retellCallId: retellCallId ?? null })
    .onConflictDoUpdate({
      target: retellAgentSightings.agentId,
      set: { lastSeenAt: now, retellCallId: retellCallId ?? null },
    });
}

/** Refuses an agent id another salon has held, or one this salon never proved it controls. */
async function assertMayTake(db: DbOrTx, companyId: string, agentId: string, now: Date): Promise<void> {
  const [holder] = await db
    .select({ companyId: retellAgentHolders.companyId })
    .from(retellAgentHolders)
    .where(eq(retellAgentHolders.agentId, agentId));
  if (holder && holder.companyId !== companyId) throw new AppError("CONFLICT", TAKEN);
  if (holder) return; // held before by this salon
  const since = new Date(now.getTime() - AGENT_PROOF_MINUTES * 60_000);
  const [seen] = await db
    .select({ agentId: retellAgentSightings.agentId })
    .from(retellAgentSightings)
    .where(and(eq(retellAgentSightings.agentId, agentId), gte(retellAgentSightings.lastSeenAt, since)));
  if (!seen) throw new AppError("VALIDATION", UNPROVEN, { agentId });
}

export const updateRetellInput = z.object({
  /** Empty or null: no agent, calls are not routed to this salon. */
  retellAgentId: z
    .string({ error: "Bitte geben Sie die Agent-ID als Text an." })
    .trim()
    .max(200, "Die Agent-ID darf höchstens 200 Zeichen lang sein.")
    .regex(/^\S*$/, "Die Agent-ID darf keine Leerzeichen enthalten.")
    .nullable()
    .transform((v) => v || null),
});

/**
 * The Retell agent whose calls belong to the signed-in company; an agent serves exactly one salon.
 * A new id is taken only after a signed test call of that agent reached SlotDesk within the last
 * minutes (so no salon can claim another's agent and receive its calls), and never one another salon
 * has held. The operator's `npm run retell:agent -- --apply` stores the agent it created directly.
 */
export async function updateRetell({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: Ctx;
  input: z.input<typeof updateRetellInput>;
  now?: Date;
}): Promise<void> {
  const values = parseInput(updateRetellInput, input);
  if (values.retellAgentId && values.retellAgentId !== ctx.company.retellAgentId)
    await assertMayTake(ctx.db, ctx.company.id, values.retellAgentId, now);
  try {
    const updated = await ctx.db
      .update(companies)
      .set(values)
      .where(eq(companies.id, ctx.company.id))
      .returning({ id: companies.id });
    if (updated.length === 0) throw notFound("Salon");
  } catch (error) {
    // The unique index decides, so two admins saving the same ID at once cannot both win.
    if (pgErrorCode(error) === "23505") {
      throw new AppError("CONFLICT", TAKEN);
    }
    throw error;
  }
}
