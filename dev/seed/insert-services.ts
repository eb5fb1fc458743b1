import { calcomEventMap, serviceSegments, services, staffServices } from "../../lib/db";
import type { DemoCompany } from "./catalog";
import { performs, segmentsOf, serviceMinutes } from "./schedule";
import type { SeedScope } from "./scope";

/** Ids the appointment groups need: service id by name, Cal.com event type by service, segment and staff. */
export type SeededCatalog = { serviceIds: Map<string, number>; eventTypes: Map<string, number> };

export const eventTypeKey = (serviceName: string, segmentKey: string, staffIndex: number) =>
  `${serviceName}|${segmentKey}|${staffIndex}`;

export const isManagedParentMapping = (def: DemoCompany, service: string, staffName: string, segmentKey: string) =>
  def.managedParent?.service === service &&
  def.managedParent.staffName === staffName &&
  def.managedParent.segmentKey === segmentKey;

/** Services with their segments, who performs them, and the Cal.com event type of each bookable segment. */
export async function insertServices(scope: SeedScope, staffIds: string[]): Promise<SeededCatalog> {
  const serviceIds = await insertServiceRows(scope);
  const { tx, def, companyId } = scope;
  await tx
    .insert(staffServices)
    .values(
      def.staff.flatMap((member, i) =>
        def.services
          .filter((s) => performs(member, s))
          .map((s) => ({ companyId, staffId: staffIds[i]!, serviceId: serviceIds.get(s.name)! })),
      ),
    );
  const eventTypes = await insertEventMap(scope, staffIds, serviceIds);
  return { serviceIds, eventTypes };
}

async function insertServiceRows({ tx, def, companyId }: SeedScope): Promise<Map<string, number>> {
  const serviceIds = new Map<string, number>();
  for (const service of def.services) {
    const [row] = await tx
      .insert(services)
      .values({
        companyId,
        name: service.name,
        synonyms: service.synonyms,
        durationMinutes: serviceMinutes(service),
        priceCents: service.priceCents,
        composite: Boolean(service.segments),
      })
      .returning({ id: services.id });
    serviceIds.set(service.name, row!.id);
    if (service.segments) {
      const segments = segmentsOf(service).map((s) => ({ companyId, serviceId: row!.id, ...s }));
      await tx.insert(serviceSegments).values(segments);
    }
  }
  return serviceIds;
}

/** Event type ids are numbered from `def.firstEventTypeId` in service, staff, segment order. */
async function insertEventMap({ tx, def, companyId }: SeedScope, staffIds: string[], serviceIds: Map<string, number>) {
  let eventTypeId = def.firstEventTypeId;
  const eventTypes = new Map<string, number>();
  const rows = def.services.flatMap((service) => {
    const keys = service.segments
      ? segmentsOf(service)
          .filter((s) => s.staffRequired)
          .map((s) => s.key)
      : ["A"];
    return def.staff.flatMap((member, i) =>
      performs(member, service)
        ? keys.map((segmentKey) => {
            const id = eventTypeId++;
            eventTypes.set(eventTypeKey(service.name, segmentKey, i), id);
            // Seed 004: this segment was re-mapped to a managed parent; older bookings kept the old type.
            const broken = isManagedParentMapping(def, service.name, member.name, segmentKey);
            const mapped = broken ? def.managedParent!.eventTypeId : id;
            const serviceId = serviceIds.get(service.name)!;
            return { companyId, serviceId, segmentKey, staffId: staffIds[i]!, eventTypeId: mapped };
          })
        : [],
    );
  });
  await tx.insert(calcomEventMap).values(rows);
  return eventTypes;
}
