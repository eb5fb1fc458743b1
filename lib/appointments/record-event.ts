import { sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { appointmentEvents, type DbOrTx } from "../db";

export type AppointmentEventKind = (typeof appointmentEvents.$inferInsert)["kind"];

export type AppointmentEvent = {
  appointmentId: number;
  kind: AppointmentEventKind;
  fromStartsAt?: Date | null;
  toStartsAt?: Date | null;
  fromStaffId?: string | null;
  toStaffId?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  note?: string | null;
  detail?: Record<string, unknown> | null;
  /** calls.id when known; a voice actor without it is looked up by its Retell call id. */
  callId?: number | null;
};

/** Who acted, from the verb's actor: an admin (with name), a caller's call, Cal.com, a job or the system. */
function actorColumns(actor: Ctx["actor"], callId: number | null | undefined) {
  switch (actor.type) {
    case "user":
      // A login removed meanwhile (or never stored) must not lose the change: the label keeps the name.
      return {
        actor: "admin" as const,
        userId: sql<string>`(select id from users where id = ${actor.userId})`,
        actorLabel: actor.name || actor.email,
        callId: null,
      };
    case "voice-agent":
      return {
        actor: "voice" as const,
        userId: null,
        actorLabel: null,
        callId: callId ?? sql`(select id from calls where retell_call_id = ${actor.retellCallId})`,
      };
    case "calcom-webhook":
      return { actor: "calcom" as const, userId: null, actorLabel: "Cal.com", callId: null };
    case "job":
      return { actor: "job" as const, userId: null, actorLabel: null, callId: null };
    default:
      return { actor: "system" as const, userId: null, actorLabel: null, callId: null };
  }
}

/**
 * Adds one line to an appointment's history, inside the caller's transaction: the change and the
 * history commit together or not at all.
 */
export async function recordAppointmentEvent(
  db: DbOrTx,
  ctx: Pick<Ctx, "company" | "actor">,
  event: AppointmentEvent,
): Promise<void> {
  const { callId, ...rest } = event;
  await db.insert(appointmentEvents).values({
    companyId: ctx.company.id,
    ...rest,
    ...actorColumns(ctx.actor, callId),
  });
}
