import { and, asc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../context";
import { calcomEventMap, serviceSegments, services, staff, staffServices } from "../../db";
import { CalcomClient, calcomTargetFor, type CalcomEventType } from "..";
import { isManagedChild, isManagedParent } from "./event-type-kind";
import { settingProblems } from "./salon-settings";
import { attachWebhookStates, webhookHome } from "./webhook-audit";
import type { WebhookState } from "./webhook-subscription";

export type EventTypeHealth = "ok" | "missing" | "managed_parent" | "wrong_length" | "wrong_settings" | "not_found";

export type HealthRow = {
  serviceId: number;
  serviceName: string;
  segmentKey: string;
  segmentName: string;
  durationMinutes: number;
  staffId: string;
  staffName: string;
  calcomUserId: number | null;
  eventTypeId: number | null;
  /** The event type's title in Cal.com, when Cal.com knows it. */
  calcomTitle: string | null;
  status: EventTypeHealth;
  detail: string;
  /** Settings that break a salon (notice, location, confirmation, visibility), one German sentence each. */
  problems: string[];
  /** A managed event type's child: bookable, but SlotDesk never changes or replaces it. */
  managedChild: boolean;
  /** Where SlotDesk's webhook for this mapping lives: the event type, or a child's managed parent. */
  webhookEventTypeId: number | null;
  webhook: WebhookState;
};

export type AuditOptions = { ctx: Ctx; serviceId?: number; webhooks?: boolean; webhookMaxAgeMs?: number };

/** Anything the admin has to look at: a broken event type or a webhook that will not deliver. */
export const needsAttention = (r: HealthRow) => r.status !== "ok" || !["ok", "unchecked"].includes(r.webhook.status);

/** Every staff-required segment of every active service × every staff member who performs it. */
export async function requiredMappings(ctx: Ctx, serviceId?: number) {
  const rows = await ctx.db
    .select({ service: services, staffId: staff.id, staffName: staff.name, calcomUserId: staff.calcomUserId })
    .from(services)
    .innerJoin(staffServices, eq(staffServices.serviceId, services.id))
    .innerJoin(staff, and(eq(staff.id, staffServices.staffId), eq(staff.active, true), isNull(staff.mergedInto)))
    .where(
      and(
        eq(services.companyId, ctx.company.id),
        eq(services.active, true),
        serviceId ? eq(services.id, serviceId) : undefined,
      ),
    )
    .orderBy(asc(services.name), asc(staff.name));
  const segments = await ctx.db
    .select()
    .from(serviceSegments)
    .where(eq(serviceSegments.companyId, ctx.company.id))
    .orderBy(asc(serviceSegments.sequenceOrder));
  const maps = await ctx.db.select().from(calcomEventMap).where(eq(calcomEventMap.companyId, ctx.company.id));
  return rows.flatMap((r) => {
    const own = segments.filter((s) => s.serviceId === r.service.id && s.staffRequired);
    const parts =
      r.service.composite && own.length
        ? own.map((s) => ({ key: s.key, name: s.name, minutes: s.durationMinutes }))
        : [{ key: "A", name: r.service.name, minutes: r.service.durationMinutes }];
    return parts.map((part) => {
      const map = maps.find(
        (m) => m.serviceId === r.service.id && m.staffId === r.staffId && m.segmentKey === part.key,
      );
      const eventTypeId = map ? (map.childEventTypeId ?? map.eventTypeId) : null;
      const recordedParent = map?.childEventTypeId ? map.eventTypeId : null;
      const segment = { segmentKey: part.key, segmentName: part.name, durationMinutes: part.minutes };
      return { ...r, ...segment, eventTypeId, recordedParent };
    });
  });
}
type Needed = Awaited<ReturnType<typeof requiredMappings>>[number];

function judge(n: Needed, et: CalcomEventType | null | undefined, address: string | null) {
  type Broken = "missing" | "not_found" | "managed_parent";
  const broken = (status: Broken, detail: string) => ({ status, detail, problems: [] as string[] });
  if (n.eventTypeId === null) return broken("missing", "Kein Event-Typ zugeordnet");
  if (!et) return broken("not_found", `Cal.com kennt Event-Typ ${n.eventTypeId} nicht`);
  if (isManagedParent(et)) return broken("managed_parent", "Verwalteter Event-Typ – nicht buchbar");
  const child = isManagedChild(et) ? " (aus verwaltetem Event-Typ)" : "";
  if (et.lengthInMinutes !== n.durationMinutes && !(et.lengthInMinutesOptions ?? []).includes(n.durationMinutes)) {
    const detail = `Cal.com: ${et.lengthInMinutes} min, Segment: ${n.durationMinutes} min${child}`;
    return { status: "wrong_length" as const, detail, problems: [] };
  }
  const problems = settingProblems(et, address);
  if (problems.length) return { status: "wrong_settings" as const, detail: problems.join(" "), problems };
  return { status: "ok" as const, detail: `${et.title}${child}`, problems };
}

/**
 * Finds what makes bookings fail before they fail: segments without an event type, mappings onto a
 * managed parent (seed 004), unknown event types, wrong lengths, settings that break a salon, and
 * webhooks that will not deliver (read from Cal.com, per event type). `webhooks: false` skips those
 * reads; `webhookMaxAgeMs` lets a page reuse lists read that recently (see webhook-audit.ts).
 */
export async function auditEventTypes(options: AuditOptions): Promise<HealthRow[]> {
  const { ctx, serviceId, webhooks = true, webhookMaxAgeMs = 0 } = options;
  const needed = await requiredMappings(ctx, serviceId);
  const target = calcomTargetFor(ctx.company);
  const client = new CalcomClient({ baseUrl: target.baseUrl, apiKey: target.apiKey, publicOnly: target.publicOnly });
  const teamId = ctx.company.calcomTeamId;
  const [own, team] = await Promise.all([client.listEventTypes(), teamId ? client.listTeamEventTypes(teamId) : []]);
  const known = new Map<number, CalcomEventType | null>([...own, ...team].map((et) => [et.id, et]));
  const unknownIds = needed.map((n) => n.eventTypeId).filter((id): id is number => id !== null && !known.has(id));
  for (const id of new Set(unknownIds)) known.set(id, await client.getEventType(id));
  const rows: HealthRow[] = needed.map((n) => {
    const et = n.eventTypeId === null ? null : known.get(n.eventTypeId);
    const verdict = judge(n, et, ctx.company.address);
    const home = webhookHome({ et, status: verdict.status, recordedParent: n.recordedParent, team, teamId });
    return {
      serviceId: n.service.id,
      serviceName: n.service.name,
      segmentKey: n.segmentKey,
      segmentName: n.segmentName,
      durationMinutes: n.durationMinutes,
      staffId: n.staffId,
      staffName: n.staffName,
      calcomUserId: n.calcomUserId,
      eventTypeId: n.eventTypeId,
      calcomTitle: et?.title ?? null,
      ...verdict,
      managedChild: Boolean(et && isManagedChild(et)),
      webhookEventTypeId: home.eventTypeId,
      webhook: home.state,
    };
  });
  return webhooks ? attachWebhookStates(ctx, client, rows, webhookMaxAgeMs) : rows;
}
