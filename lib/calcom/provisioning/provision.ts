import { sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import { calcomEventMap } from "../../db";
import { AppError } from "../../errors";
import { CalcomClient, calcomTargetFor } from "..";
import { auditEventTypes, type HealthRow } from "./event-type-health";
import { salonEventTypeSettings, settingProblems } from "./salon-settings";

export type ProvisionAction = HealthRow & {
  title: string;
  slug: string;
  action: "create" | "reuse" | "update" | "skip";
  reason: string;
  /** For reuse/update: the event type the mapping points at afterwards. */
  targetEventTypeId?: number;
  /** For reuse: its settings need the same repair as an update. */
  fixSettings?: boolean;
};
export type ProvisionCounts = { created: number; reused: number; updated: number; skipped: number };

export const NO_ADDRESS = "Bitte zuerst die Adresse des Salons in den Einstellungen eintragen.";
const NO_TEAM = "Für die Provisionierung fehlt die Cal.com-Team-ID in den Einstellungen.";

const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const clientFor = (ctx: Ctx) => {
  const target = calcomTargetFor(ctx.company);
  return new CalcomClient({ baseUrl: target.baseUrl, apiKey: target.apiKey, publicOnly: target.publicOnly });
};

/**
 * What provisioning would do per segment × staff: a single-host team event type with empty metadata
 * and the salon settings where the mapping is missing, unknown, a managed parent or the wrong length
 * (seed 004, option B); an update where only the settings are wrong. Same-slug types are reused, so a
 * second run changes nothing. Managed children are never touched. Needs the salon's address.
 */
export async function planProvisioning({ ctx, rows }: { ctx: Ctx; rows?: HealthRow[] }): Promise<ProvisionAction[]> {
  const audit = rows ?? (await auditEventTypes({ ctx, webhooks: false }));
  const teamId = ctx.company.calcomTeamId;
  const existing = teamId ? await clientFor(ctx).listTeamEventTypes(teamId) : [];
  const plan = audit
    .filter((r) => r.status !== "ok")
    .map((r): ProvisionAction => {
      const title = `${r.serviceName}: ${r.segmentName} (${r.staffName})`;
      const key = r.segmentKey.toLowerCase();
      const slug = `${slugify(r.serviceName)}-${key}-${slugify(r.staffName)}-${r.staffId.slice(0, 8)}`;
      const step = (action: ProvisionAction["action"], reason: string, more: Partial<ProvisionAction> = {}) =>
        ({ ...r, title, slug, action, reason, ...more }) as ProvisionAction;
      if (r.managedChild) {
        const why = `Aus einem verwalteten Event-Typ – SlotDesk ändert ihn nicht. Im verwalteten Event-Typ anpassen: ${r.detail}`;
        return step("skip", why);
      }
      if (r.status === "wrong_settings") {
        const own = existing.some((et) => et.id === r.eventTypeId);
        if (!own) return step("skip", `Nicht im Team ${teamId ?? "–"} – bitte in Cal.com anpassen: ${r.detail}`);
        return step("update", `Einstellungen korrigieren: ${r.detail}`, { targetEventTypeId: r.eventTypeId! });
      }
      if (!r.calcomUserId) return step("skip", "Mitarbeiter hat keine Cal.com-Nutzer-ID");
      const same = existing.find((et) => et.slug === slug && et.lengthInMinutes === r.durationMinutes);
      if (!same) return step("create", r.detail);
      const fix = settingProblems(same, ctx.company.address);
      const repair = fix.length ? ` – Einstellungen korrigieren: ${fix.join(" ")}` : "";
      const reason = `Event-Typ ${same.id} existiert bereits${repair}`;
      return step("reuse", reason, { targetEventTypeId: same.id, fixSettings: fix.length > 0 });
    });
  const writes = plan.some((p) => p.action === "create" || p.action === "update" || p.fixSettings);
  if (writes && !ctx.company.address?.trim()) throw new AppError("VALIDATION", NO_ADDRESS);
  return plan;
}

async function pointMapping(ctx: Ctx, step: ProvisionAction, eventTypeId: number) {
  await ctx.db
    .insert(calcomEventMap)
    .values({
      companyId: ctx.company.id,
      serviceId: step.serviceId,
      segmentKey: step.segmentKey,
      staffId: step.staffId,
      eventTypeId,
      childEventTypeId: null,
    })
    .onConflictDoUpdate({
      target: [calcomEventMap.serviceId, calcomEventMap.segmentKey, calcomEventMap.staffId],
      set: { eventTypeId, childEventTypeId: null, updatedAt: sql`now()` },
    });
}

/** Carries out a plan: POST new event types, PATCH wrong settings (each type once), repoint mappings. */
export async function applyProvisioning({ ctx, plan }: { ctx: Ctx; plan: ProvisionAction[] }) {
  const teamId = ctx.company.calcomTeamId;
  if (!teamId) throw new AppError("VALIDATION", NO_TEAM);
  const address = ctx.company.address?.trim();
  const needsAddress = plan.some((p) => p.action === "create" || p.action === "update" || p.fixSettings);
  if (needsAddress && !address) throw new AppError("VALIDATION", NO_ADDRESS);
  const settings = salonEventTypeSettings(address ?? "");
  const client = clientFor(ctx);
  const counts: ProvisionCounts = { created: 0, reused: 0, updated: 0, skipped: 0 };
  const patched = new Set<number>();
  for (const step of plan) {
    if (step.action === "skip") {
      counts.skipped++;
      continue;
    }
    if ((step.action === "update" || step.fixSettings) && !patched.has(step.targetEventTypeId!)) {
      await client.updateTeamEventType(teamId, step.targetEventTypeId!, settings);
      patched.add(step.targetEventTypeId!);
    }
    if (step.action === "update") {
      counts.updated++;
      continue;
    }
    const { title, slug, durationMinutes: lengthInMinutes } = step;
    const create = { title, slug, lengthInMinutes, hostUserId: step.calcomUserId!, settings };
    const eventTypeId =
      step.action === "reuse" ? step.targetEventTypeId! : (await client.createTeamEventType(teamId, create)).id;
    counts[step.action === "reuse" ? "reused" : "created"]++;
    await pointMapping(ctx, step, eventTypeId);
  }
  return counts;
}
