import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { customerInput, findOrCreateCustomer } from "../customers";
import { recordAppointmentEvent } from "../appointments";
import { appointmentPhases, appointments, customers, slotHolds, retryOnSerializationFailure } from "../db";
import { AppError, parseInput, pgErrorCode } from "../errors";
import { enqueueCalcomSync } from "../calcom/sync";
import { dropExpiredHolds, insertBusy, lockStaff } from "./busy";
import { checkSlot, type UnavailableDetail, type UnavailableReason } from "./check-slot";
import { endActiveHolds } from "./holds";
import type { PlannedPhase } from "./phases";

export const bookInput = z.object({
  serviceId: z.number().int().positive(),
  start: z.date(),
  /** A staff member the caller asked for; without one the least booked qualified member is taken. */
  staffId: z.string().uuid().optional(),
  /** The records of the person the caller asked for (duplicates of one stylist): any of them. */
  staffIds: z.array(z.string().uuid()).optional(),
  /** calls.id of the voice call booking; its hold is consumed. */
  callId: z.number().int().positive().optional(),
  /** The caller's details (found by phone or created), or a customer the admin picked: exactly that record. */
  customer: z.union([z.object({ customerId: z.number().int().positive() }).strict(), customerInput]),
  notes: z.string().trim().max(2000).optional(),
  /** Same key → same appointment, nothing written (Retell retries function calls). */
  idempotencyKey: z.string().min(1).max(300).optional(),
  source: z.enum(["voice", "admin"]).default("voice"),
  now: z.date().optional(),
});

export type BookedAppointment = {
  id: number;
  start: Date;
  end: Date;
  staffId: string;
  staffName: string;
  serviceId: number;
  customerId: number;
  phases: Omit<PlannedPhase, "sequenceOrder">[];
};

export type BookResult = { appointment: BookedAppointment; created: boolean };

/** The engine's refusal, carrying its true reason (and when the salon or stylist stops) for whoever says it. */
export function unavailableError(
  reason: UnavailableReason,
  details: Record<string, unknown>,
  detail: UnavailableDetail = {},
): AppError {
  const all = { ...details, reason, ...detail };
  switch (reason) {
    case "in_past":
      return new AppError("IN_PAST", "Der gewünschte Termin liegt in der Vergangenheit", all);
    case "outside_opening_hours":
    case "closed_holiday":
    case "closed_special_day":
    case "ends_after_closing":
      return new AppError("OUTSIDE_OPENING_HOURS", "Der Salon hat zu dieser Zeit geschlossen", all);
    case "taken":
      return new AppError("SLOT_TAKEN", "Der Termin ist bereits vergeben", all);
    default:
      return new AppError("UNAVAILABLE", "Zu dieser Zeit ist kein Termin möglich", all);
  }
}

export async function loadBookedAppointment(db: Ctx["db"], companyId: string, id: number): Promise<BookedAppointment> {
  const row = await db.query.appointments.findFirst({
    where: and(eq(appointments.companyId, companyId), eq(appointments.id, id)),
    with: { phases: { orderBy: [appointmentPhases.sequenceOrder] }, staff: { columns: { name: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "Termin nicht gefunden", { appointmentId: id });
  return {
    id: row.id,
    start: row.startsAt,
    end: row.endsAt,
    staffId: row.staffId,
    staffName: row.staff.name,
    serviceId: row.serviceId,
    customerId: row.customerId,
    phases: row.phases.map((p) => ({
      segmentKey: p.segmentKey,
      segmentName: p.segmentName,
      start: p.startTime,
      end: p.endTime,
      durationMinutes: p.durationMinutes,
      staffRequired: p.staffRequired,
    })),
  };
}

type CustomerChoice = z.output<typeof bookInput>["customer"];

/** The booking's customer inside its transaction; a picked id must be a current customer of this company. */
async function bookingCustomer(ctx: Ctx, choice: CustomerChoice): Promise<{ id: number }> {
  if (!("customerId" in choice)) return findOrCreateCustomer({ ctx, input: choice });
  const [row] = await ctx.db
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(
        eq(customers.companyId, ctx.company.id),
        eq(customers.id, choice.customerId),
        isNull(customers.mergedInto),
        isNull(customers.erasedAt),
      ),
    );
  if (!row) throw new AppError("NOT_FOUND", "Kunde nicht gefunden", { customerId: choice.customerId });
  return row;
}

/** The appointment an earlier identical request booked — only while it is still active: after a cancel the request books anew. */
async function findByKey(ctx: Ctx, key: string): Promise<BookResult | null> {
  const [row] = await ctx.db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.companyId, ctx.company.id),
        eq(appointments.idempotencyKey, key),
        eq(appointments.status, "confirmed"),
      ),
    );
  return row ? { appointment: await loadBookedAppointment(ctx.db, ctx.company.id, row.id), created: false } : null;
}

/**
 * Books an appointment in one transaction: customer (by phone), appointment, all phases and the
 * staff member's busy time, the caller's hold consumed. The exclusion constraint decides races:
 * the loser gets SLOT_TAKEN and nothing of it is written.
 */
export async function bookAppointment({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof bookInput>;
}): Promise<BookResult> {
  const data = parseInput(bookInput, input);
  const { company } = ctx;

  const check = await checkSlot({
    ctx,
    input: {
      serviceId: data.serviceId,
      start: data.start,
      staffId: data.staffId,
      staffIds: data.staffIds,
      callId: data.callId,
      now: data.now,
    },
  });
  if (!check.ok) {
    // A retried request finds its own appointment in the way: answer with it, write nothing.
    // (A free slot means there is none yet; a concurrent twin is caught by the key's unique index.)
    const existing = data.idempotencyKey ? await findByKey(ctx, data.idempotencyKey) : null;
    if (existing) return existing;
    throw unavailableError(check.reason, { start: data.start, staffId: data.staffId }, check.detail);
  }
  const service = check.availability.service;

  // A hold this call placed for exactly this start decides the staff member.
  let options = check.options;
  if (data.callId && !data.staffId) {
    const [hold] = await ctx.db
      .select({ staffId: slotHolds.staffId })
      .from(slotHolds)
      .where(
        and(
          eq(slotHolds.callId, data.callId),
          eq(slotHolds.serviceId, service.id),
          eq(slotHolds.status, "active"),
          eq(slotHolds.startsAt, data.start),
        ),
      );
    if (hold)
      options = [
        ...options.filter((o) => o.staffId === hold.staffId),
        ...options.filter((o) => o.staffId !== hold.staffId),
      ];
  }

  for (const option of options) {
    try {
      const booked = await retryOnSerializationFailure(() =>
        ctx.db.transaction(async (tx) => {
          // Sent together (pipelined) on the transaction's connection, executed in this order.
          const [, , , customer] = await Promise.all([
            lockStaff(tx, option.staffId),
            dropExpiredHolds(tx, { companyId: ctx.company.id, staffIds: [option.staffId] }),
            data.callId
              ? endActiveHolds(tx, {
                  callId: data.callId,
                  serviceId: service.id,
                  status: "consumed",
                  match: { staffId: option.staffId, start: data.start },
                  overlapping: { staffId: option.staffId, start: option.start, end: option.end },
                })
              : null,
            bookingCustomer({ ...ctx, db: tx }, data.customer),
          ]);
          const [appointment] = await tx
            .insert(appointments)
            .values({
              companyId: company.id,
              customerId: customer.id,
              serviceId: service.id,
              staffId: option.staffId,
              callId: data.callId ?? null,
              startsAt: option.start,
              endsAt: option.end,
              status: "confirmed",
              source: data.source,
              notes: data.notes ?? null,
              idempotencyKey: data.idempotencyKey ?? null,
              calcomSyncStatus: "pending",
              syncRequestedAt: sql`now()`,
            })
            .returning({ id: appointments.id });
          const phaseRows = await tx
            .insert(appointmentPhases)
            .values(
              option.phases.map((p) => ({
                companyId: company.id,
                appointmentId: appointment!.id,
                staffId: option.staffId,
                segmentKey: p.segmentKey,
                segmentName: p.segmentName,
                startTime: p.start,
                endTime: p.end,
                durationMinutes: p.durationMinutes,
                staffRequired: p.staffRequired,
                sequenceOrder: p.sequenceOrder,
                calcomSyncStatus: p.staffRequired ? ("pending" as const) : null,
              })),
            )
            .returning({ id: appointmentPhases.id, sequenceOrder: appointmentPhases.sequenceOrder });
          await Promise.all([
            insertBusy(
              tx,
              {
                companyId: company.id,
                staffId: option.staffId,
                kind: "appointment",
                appointmentId: appointment!.id,
                phaseIds: new Map(phaseRows.map((r) => [r.sequenceOrder, r.id])),
              },
              option.phases,
              company.allowGapBooking,
            ),
            enqueueCalcomSync(tx, { id: appointment!.id, companyId: company.id }),
            recordAppointmentEvent(tx, ctx, {
              appointmentId: appointment!.id,
              kind: "created",
              toStartsAt: option.start,
              toStaffId: option.staffId,
              toStatus: "confirmed",
              callId: data.callId ?? null,
              note: data.notes ?? null,
              detail: { source: data.source, serviceId: service.id },
            }),
          ]);
          return { id: appointment!.id, customerId: customer.id };
        }),
      );
      return {
        appointment: {
          id: booked.id,
          start: option.start,
          end: option.end,
          staffId: option.staffId,
          staffName: option.staffName,
          serviceId: service.id,
          customerId: booked.customerId,
          phases: option.phases.map(({ sequenceOrder: _, ...p }) => p),
        },
        created: true,
      };
    } catch (error) {
      const code = pgErrorCode(error);
      if (code === "23505" && data.idempotencyKey) {
        const existing = await findByKey(ctx, data.idempotencyKey);
        if (existing) return existing;
      }
      if (code !== "23P01") throw error;
      // Lost the race for this staff member; someone else may still be free at this time.
    }
  }
  throw new AppError("SLOT_TAKEN", "Der Termin ist gerade vergeben worden", {
    start: data.start,
    staffId: data.staffId,
  });
}
