import { and, asc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../context";
import { calcomEventMap, serviceSegments, services, staff, staffServices } from "../db/schema";
import { CalcomClient } from "./client";
import { calcomTargetFor } from "./config";
import type { CalcomEventType } from "./schemas";

export type EventTypeHealth = "ok" | "missing" | "managed_parent" | "wrong_length" | "not_found";

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
  status: EventTypeHealth;
  detail: string;
};

/** Every staff-required segment of every active service × every staff member who performs it. */
export async function requiredMappings(ctx: Ctx) {
  const rows = await ctx.db
    .select({ service: services, staffId: staff.id, staffName: staff.name, calcomUserId: staff.calcomUserId })
    .from(services)
    .innerJoin(staffServices, eq(staffServices.serviceId, services.id))
    .innerJoin(staff, and(eq(staff.id, staffServices.staffId), eq(staff.active, true), isNull(staff.mergedInto)))
    .where(and(eq(services.companyId, ctx.company.id), eq(services.active, true)))
    .orderBy(asc(services.name), asc(staff.name));
  const segments = await ctx.db.select().from(serviceSegments).where(eq(serviceSegments.companyId, ctx.company.id)).orderBy(asc(serviceSegments.sequenceOrder));
  const maps = await ctx.db.select().from(calcomEventMap).where(eq(calcomEventMap.companyId, ctx.company.id));
  return rows.flatMap((r) => {
    const own = segments.filter((s) => s.serviceId === r.service.id && s.staffRequired);
    const parts = r.service.composite && own.length ? own.map((s) => ({ key: s.key, name: s.name, minutes: s.durationMinutes })) : [{ key: "A", name: r.service.name, minutes: r.service.durationMinutes }];
    return parts.map((part) => {
      const map = maps.find((m) => m.serviceId === r.service.id && m.staffId === r.staffId && m.segmentKey === part.key);
      return { ...r, segmentKey: part.key, segmentName: part.name, durationMinutes: part.minutes, eventTypeId: map ? (map.childEventTypeId ?? map.eventTypeId) : null };
    });
  });
}

export const isManagedParent = (et: CalcomEventType) =>
  et.schedulingType?.toLowerCase() === "managed" || Boolean(et.metadata && "managedEventConfig" in et.metadata);

/**
 * Finds what makes bookings fail before they fail: segments without an event type, mappings onto
 * a managed parent (seed 004), event types Cal.com does not know, and lengths that differ.
 */
export async function auditEventTypes({ ctx }: { ctx: Ctx }): Promise<HealthRow[]> {
  const needed = await requiredMappings(ctx);
  const target = calcomTargetFor(ctx.company);
  const client = new CalcomClient({ baseUrl: target.baseUrl, apiKey: target.apiKey });
  const known = new Map<number, CalcomEventType | null>();
  const lists = await Promise.all([client.listEventTypes(), ctx.company.calcomTeamId ? client.listTeamEventTypes(ctx.company.calcomTeamId) : []]);
  for (const et of lists.flat()) known.set(et.id, et);
  for (const id of new Set(needed.map((n) => n.eventTypeId).filter((id): id is number => id !== null && !known.has(id)))) {
    known.set(id, await client.getEventType(id));
  }
  return needed.map((n) => {
    const base = {
      serviceId: n.service.id,
      serviceName: n.service.name,
      segmentKey: n.segmentKey,
      segmentName: n.segmentName,
      durationMinutes: n.durationMinutes,
      staffId: n.staffId,
      staffName: n.staffName,
      calcomUserId: n.calcomUserId,
      eventTypeId: n.eventTypeId,
    };
    if (n.eventTypeId === null) return { ...base, status: "missing" as const, detail: "Kein Ereignistyp zugeordnet" };
    const et = known.get(n.eventTypeId);
    if (!et) return { ...base, status: "not_found" as const, detail: `Cal.com kennt Ereignistyp ${n.eventTypeId} nicht` };
    if (isManagedParent(et)) return { ...base, status: "managed_parent" as const, detail: "Übergeordneter Managed Event Type – nicht buchbar" };
    if (et.lengthInMinutes !== n.durationMinutes && !(et.lengthInMinutesOptions ?? []).includes(n.durationMinutes)) {
      return { ...base, status: "wrong_length" as const, detail: `Cal.com: ${et.lengthInMinutes} min, Segment: ${n.durationMinutes} min` };
    }
    return { ...base, status: "ok" as const, detail: et.title };
  });
}
