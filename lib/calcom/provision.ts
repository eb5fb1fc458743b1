import { sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { calcomEventMap } from "../db/schema";
import { AppError } from "../errors";
import { CalcomClient } from "./client";
import { calcomTargetFor } from "./config";
import { auditEventTypes, type HealthRow } from "./event-type-health";

export type ProvisionAction = HealthRow & { title: string; slug: string; action: "create" | "reuse" | "skip"; reason: string; reuseEventTypeId?: number };

const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * What provisioning would do: one single-host event type with empty metadata per segment × staff
 * whose mapping is missing, unknown, a managed parent or the wrong length (seed 004, option B).
 * Existing event types with the same slug are reused, so running it twice changes nothing.
 */
export async function planProvisioning({ ctx }: { ctx: Ctx }): Promise<ProvisionAction[]> {
  const rows = await auditEventTypes({ ctx });
  const teamId = ctx.company.calcomTeamId;
  const target = calcomTargetFor(ctx.company);
  const existing = teamId ? await new CalcomClient({ baseUrl: target.baseUrl, apiKey: target.apiKey }).listTeamEventTypes(teamId) : [];
  return rows
    .filter((r) => r.status !== "ok")
    .map((r) => {
      const title = `${r.serviceName}: ${r.segmentName} (${r.staffName})`;
      const slug = `${slugify(r.serviceName)}-${r.segmentKey.toLowerCase()}-${slugify(r.staffName)}-${r.staffId.slice(0, 8)}`;
      if (!r.calcomUserId) return { ...r, title, slug, action: "skip" as const, reason: "Mitarbeiter hat keine Cal.com-Nutzer-ID" };
      const same = existing.find((et) => et.slug === slug && et.lengthInMinutes === r.durationMinutes);
      if (same) return { ...r, title, slug, action: "reuse" as const, reason: `Ereignistyp ${same.id} existiert bereits`, reuseEventTypeId: same.id };
      return { ...r, title, slug, action: "create" as const, reason: r.detail };
    });
}

export async function applyProvisioning({ ctx, plan }: { ctx: Ctx; plan: ProvisionAction[] }): Promise<{ created: number; reused: number; skipped: number }> {
  const teamId = ctx.company.calcomTeamId;
  if (!teamId) throw new AppError("VALIDATION", "Für die Provisionierung fehlt die Cal.com-Team-ID in den Einstellungen.");
  const target = calcomTargetFor(ctx.company);
  const client = new CalcomClient({ baseUrl: target.baseUrl, apiKey: target.apiKey });
  const counts = { created: 0, reused: 0, skipped: 0 };
  for (const step of plan) {
    if (step.action === "skip") {
      counts.skipped++;
      continue;
    }
    const eventTypeId =
      step.action === "reuse"
        ? step.reuseEventTypeId!
        : (await client.createTeamEventType(teamId, { title: step.title, slug: step.slug, lengthInMinutes: step.durationMinutes, hostUserId: step.calcomUserId! })).id;
    counts[step.action === "reuse" ? "reused" : "created"]++;
    await ctx.db
      .insert(calcomEventMap)
      .values({ companyId: ctx.company.id, serviceId: step.serviceId, segmentKey: step.segmentKey, staffId: step.staffId, eventTypeId, childEventTypeId: null })
      .onConflictDoUpdate({
        target: [calcomEventMap.serviceId, calcomEventMap.segmentKey, calcomEventMap.staffId],
        set: { eventTypeId, childEventTypeId: null, updatedAt: sql`now()` },
      });
  }
  return counts;
}
