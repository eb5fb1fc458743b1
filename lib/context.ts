import type { DbOrTx, companies } from "./db";

export type Company = typeof companies.$inferSelect;

export type Actor =
  | { type: "user"; userId: string; email: string; name: string }
  | { type: "voice-agent"; retellCallId: string }
  | { type: "calcom-webhook" }
  | { type: "job"; jobId?: string }
  | { type: "system" };

/** What every service verb receives: where to read/write, for which tenant, on whose behalf. */
export type Ctx = { db: DbOrTx; company: Company; actor: Actor };

/** For verbs that run before a tenant is known (health, agent lookup). */
export type SystemCtx = { db: DbOrTx; actor: Actor };
