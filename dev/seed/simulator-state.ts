import { randomUUID } from "node:crypto";
import { and, eq, isNotNull } from "drizzle-orm";
import type { SimBooking, SimEventType, SimSnapshot, SimUser } from "../calcom-sim";
import { simulatorKeyFor } from "../../lib/calcom";
import { salonEventTypeSettings, WEBHOOK_TRIGGERS } from "../../lib/calcom/provisioning";
import { decryptOptional } from "../../lib/crypto";
import {
  type Db,
  appointmentPhases,
  appointments,
  calcomEventMap,
  companies,
  customers,
  serviceSegments,
  services,
  staff,
} from "../../lib/db";
import { DEMO_SALON, SECOND_SALON } from "./catalog";
import type { GhostBooking } from "./ghost-bookings";

const OWNER_ID_BASE = 9_000_000;

/**
 * The Cal.com the demo talks to, built from the database: one simulator account per company, an
 * event type per mapped segment × staff with the salon settings and SlotDesk's webhook (the seed 004
 * managed parent included, without a webhook) and a booking per synced phase — plus the bookings
 * Cal.com created although it answered 400 (seed 000).
 */
export async function buildSimulatorSnapshot(
  db: Db,
  options: { appUrl: string; ghosts: GhostBooking[]; managedEventTypeIds?: number[] },
): Promise<SimSnapshot> {
  const managedIds = new Set(
    options.managedEventTypeIds ??
      [DEMO_SALON, SECOND_SALON].flatMap((d) => (d.managedParent ? [d.managedParent.eventTypeId] : [])),
  );
  const snapshot: SimSnapshot = {
    version: 1,
    nextIds: { eventType: 0, booking: 0, user: 0 },
    users: [],
    accounts: [],
    eventTypes: [],
    bookings: [],
    webhooks: [],
  };
  const users = new Map<number, SimUser>();
  const created = new Date().toISOString();
  for (const [index, company] of (await db.select().from(companies)).entries()) {
    const accountKey = simulatorKeyFor(company.id);
    const ownerId = OWNER_ID_BASE + index;
    users.set(ownerId, {
      id: ownerId,
      name: company.name,
      email: `calcom-${index}@salon.example`,
      username: `salon-${index}`,
      timeZone: company.timeZone,
    });
    snapshot.accounts.push({ apiKey: accountKey, userId: ownerId });
    const team = await db.select().from(staff).where(eq(staff.companyId, company.id));
    for (const m of team)
      if (m.calcomUserId)
        users.set(m.calcomUserId, {
          id: m.calcomUserId,
          name: m.name,
          email: m.email ?? `user-${m.calcomUserId}@salon.example`,
          username: `user${m.calcomUserId}`,
          timeZone: company.timeZone,
        });

    const eventTypes = new Map<number, SimEventType>();
    const settings = company.address ? salonEventTypeSettings(company.address) : {};
    const addEventType = (id: number, title: string, minutes: number, hostId: number | null, managed = false) => {
      if (eventTypes.has(id)) return;
      eventTypes.set(id, {
        id,
        accountKey,
        title,
        slug: `et-${id}`,
        lengthInMinutes: minutes,
        hosts: hostId ? [{ userId: hostId }] : [],
        schedulingType: managed ? "managed" : "collective",
        teamId: company.calcomTeamId ?? undefined,
        metadata: managed ? { managedEventConfig: {} } : {},
        hidden: false,
        ownerId: null,
        createdAt: created,
        ...settings,
      });
    };
    const maps = await db
      .select({
        map: calcomEventMap,
        serviceName: services.name,
        serviceMinutes: services.durationMinutes,
        staffName: staff.name,
        hostId: staff.calcomUserId,
      })
      .from(calcomEventMap)
      .innerJoin(services, eq(services.id, calcomEventMap.serviceId))
      .innerJoin(staff, eq(staff.id, calcomEventMap.staffId))
      .where(eq(calcomEventMap.companyId, company.id));
    const segments = await db.select().from(serviceSegments).where(eq(serviceSegments.companyId, company.id));
    for (const m of maps) {
      const segment = segments.find((s) => s.serviceId === m.map.serviceId && s.key === m.map.segmentKey);
      const title = `${m.serviceName}: ${segment?.name ?? m.serviceName} (${m.staffName})`;
      addEventType(
        m.map.eventTypeId,
        title,
        segment?.durationMinutes ?? m.serviceMinutes,
        m.hostId,
        managedIds.has(m.map.eventTypeId),
      );
    }

    const phases = await db
      .select({
        phase: appointmentPhases,
        appointment: appointments,
        customer: customers,
        hostId: staff.calcomUserId,
        serviceName: services.name,
      })
      .from(appointmentPhases)
      .innerJoin(appointments, eq(appointments.id, appointmentPhases.appointmentId))
      .innerJoin(customers, eq(customers.id, appointments.customerId))
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .innerJoin(staff, eq(staff.id, appointmentPhases.staffId))
      .where(and(eq(appointmentPhases.companyId, company.id), isNotNull(appointmentPhases.calcomBookingUid)));
    const booking = (b: {
      id: number;
      uid: string;
      eventTypeId: number;
      title: string;
      hostId: number;
      start: Date;
      end: Date;
      cancelled: boolean;
      attendee: { name: string; email: string | null; phoneNumber: string | null };
      metadata: Record<string, string>;
      createdAt: Date;
    }): SimBooking => ({
      id: b.id,
      uid: b.uid,
      accountKey,
      eventTypeId: b.eventTypeId,
      title: b.title,
      hostUserIds: [b.hostId],
      status: b.cancelled ? "cancelled" : "accepted",
      start: b.start.toISOString(),
      end: b.end.toISOString(),
      attendees: [
        {
          name: b.attendee.name,
          email: b.attendee.email ?? "",
          timeZone: company.timeZone,
          language: "de",
          ...(b.attendee.phoneNumber ? { phoneNumber: b.attendee.phoneNumber } : {}),
        },
      ],
      metadata: b.metadata,
      bookingFieldsResponses: {},
      createdAt: b.createdAt.toISOString(),
      updatedAt: b.createdAt.toISOString(),
      source: "api",
    });
    for (const { phase, appointment, customer, hostId, serviceName } of phases) {
      const eventTypeId = phase.calcomEventTypeId!;
      addEventType(eventTypeId, `${serviceName}: ${phase.segmentName}`, phase.durationMinutes, hostId);
      snapshot.bookings.push(
        booking({
          id: phase.calcomBookingId!,
          uid: phase.calcomBookingUid!,
          eventTypeId,
          title: `${serviceName}: ${phase.segmentName} – ${customer.name}`,
          hostId: hostId!,
          start: phase.startTime,
          end: phase.endTime,
          cancelled: phase.calcomSyncStatus === "cancelled" || appointment.status === "cancelled",
          attendee: { name: customer.name, email: customer.email, phoneNumber: customer.phone },
          metadata: {
            crm_appointment_id: String(appointment.id),
            crm_phase_id: String(phase.id),
            segment_key: phase.segmentKey,
          },
          createdAt: appointment.createdAt,
        }),
      );
    }
    const companyAppointments = new Set(phases.map((p) => p.appointment.id));
    for (const g of options.ghosts) {
      if (!eventTypes.has(g.eventTypeId) || companyAppointments.has(g.appointmentId)) continue;
      snapshot.bookings.push(
        booking({
          id: g.bookingId,
          uid: g.uid,
          eventTypeId: g.eventTypeId,
          title: `Segment ${g.segmentKey} – ${g.attendee.name}`,
          hostId: g.hostUserId,
          start: g.start,
          end: g.end,
          cancelled: false,
          attendee: g.attendee,
          metadata: {
            crm_appointment_id: String(g.appointmentId),
            crm_phase_id: String(g.phaseId),
            segment_key: g.segmentKey,
          },
          createdAt: g.createdAt,
        }),
      );
    }
    snapshot.eventTypes.push(...eventTypes.values());
    const secret = decryptOptional(company.calcomWebhookSecretEncrypted);
    // Cal.com fires user webhooks only for personal event types, and has no team webhooks for a team that
    // is not an organization: each team event type carries its own, as provisioning registers them.
    for (const et of eventTypes.values()) {
      if (et.schedulingType === "managed") continue;
      snapshot.webhooks.push({
        id: randomUUID(),
        accountKey,
        userId: ownerId,
        eventTypeId: et.id,
        subscriberUrl: `${options.appUrl.replace(/\/$/, "")}/api/calcom/webhook?company=${company.id}`,
        triggers: [...WEBHOOK_TRIGGERS],
        active: true,
        ...(secret ? { secret } : {}),
        createdAt: created,
      });
    }
  }
  snapshot.users = [...users.values()];
  snapshot.nextIds = {
    eventType: Math.max(4_000_000, ...snapshot.eventTypes.map((e) => e.id)) + 1,
    booking: Math.max(13_068_988, ...snapshot.bookings.map((b) => b.id)) + 1,
    user: Math.max(OWNER_ID_BASE + 100, ...snapshot.users.map((u) => u.id)) + 1,
  };
  return snapshot;
}
