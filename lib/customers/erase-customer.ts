import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import {
  appointmentEvents,
  appointmentPhases,
  appointments,
  callEvents,
  calls,
  customers,
  functionCalls,
  services,
} from "../db";
import { AppError, notFound, parseInput } from "../errors";
import { logger } from "../logger";
import { formatDateTimeDe, serverNow } from "../time";
import { calcomLeftovers } from "./calcom-leftovers";
import { customerId } from "./customer-id";

const eraseInput = z.object({ id: customerId, now: z.date().optional() });

export const ERASED_NAME = "Gelöschter Kunde";
const ANONYMISED = { anonymisiert: true };

/**
 * Erasure on request (DSGVO Art. 17). Refused while the customer has upcoming appointments (they are
 * cancelled first, so Cal.com and the stylists learn of it). Then name, contact data, notes, call
 * transcripts and function-call logs go in one transaction — also those of records merged into this
 * one; appointments stay for the statistics. Returns what Cal.com still holds, for the operator.
 */
export async function eraseCustomer({ ctx, input }: { ctx: Ctx; input: z.input<typeof eraseInput> }) {
  const data = parseInput(eraseInput, input);
  const now = data.now ?? serverNow();
  const result = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: customers.id, mergedInto: customers.mergedInto, erasedAt: customers.erasedAt })
      .from(customers)
      .where(and(eq(customers.companyId, ctx.company.id), eq(customers.id, data.id)))
      .for("update");
    if (!row) throw notFound("Kunde", { id: data.id });
    if (row.mergedInto) {
      throw new AppError("CONFLICT", "Dieser Eintrag wurde zusammengeführt – bitte den bleibenden Eintrag löschen.");
    }
    if (row.erasedAt) return { alreadyErased: true, calcom: await calcomLeftovers(tx, ctx, [row.id]) };

    const merged = await tx.execute<{ id: string }>(sql`
      with recursive merged(id) as (
        select id from customers where merged_into = ${row.id} and company_id = ${ctx.company.id}
        union select c.id from customers c join merged m on c.merged_into = m.id
      ) select id from merged`);
    const ids = [row.id, ...merged.map((m) => Number(m.id))];

    const upcoming = await tx
      .select({ id: appointments.id, startsAt: appointments.startsAt, serviceName: services.name })
      .from(appointments)
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .where(
        and(
          eq(appointments.companyId, ctx.company.id),
          inArray(appointments.customerId, ids),
          eq(appointments.status, "confirmed"),
          gte(appointments.startsAt, now),
        ),
      )
      .orderBy(asc(appointments.startsAt));
    if (upcoming.length) {
      const list = upcoming.map((a) => `${formatDateTimeDe(a.startsAt, ctx.company.timeZone)} ${a.serviceName}`);
      throw new AppError("CONFLICT", `Bitte zuerst die kommenden Termine absagen: ${list.join("; ")}.`, {
        appointments: upcoming.map((a) => a.id),
      });
    }

    await tx
      .update(customers)
      .set({ possibleDuplicateOf: null })
      .where(and(eq(customers.companyId, ctx.company.id), inArray(customers.possibleDuplicateOf, ids)));
    await tx
      .update(customers)
      .set({
        name: ERASED_NAME,
        phone: null,
        email: null,
        notes: null,
        possibleDuplicateOf: null,
        erasedAt: now,
        updatedAt: now,
      })
      .where(and(eq(customers.companyId, ctx.company.id), inArray(customers.id, ids)));

    const theirCalls = await tx
      .update(calls)
      .set({
        transcript: null,
        transcriptObject: null,
        summary: null,
        rawPayload: null,
        fromNumber: null,
        updatedAt: now,
      })
      .where(and(eq(calls.companyId, ctx.company.id), inArray(calls.customerId, ids)))
      .returning({ id: calls.id, retellCallId: calls.retellCallId });
    if (theirCalls.length) {
      await tx
        .update(functionCalls)
        .set({ args: ANONYMISED, result: ANONYMISED })
        .where(
          and(
            eq(functionCalls.companyId, ctx.company.id),
            inArray(
              functionCalls.callId,
              theirCalls.map((c) => c.id),
            ),
          ),
        );
      // Retell's events carry the whole call (transcript, number); the hash stays, so a redelivery is still ignored.
      await tx
        .update(callEvents)
        .set({ payload: ANONYMISED })
        .where(
          and(
            eq(callEvents.companyId, ctx.company.id),
            inArray(
              callEvents.retellCallId,
              theirCalls.map((c) => c.retellCallId),
            ),
          ),
        );
    }

    const theirAppointments = await tx
      .update(appointments)
      .set({ notes: null, updatedAt: now })
      .where(and(eq(appointments.companyId, ctx.company.id), inArray(appointments.customerId, ids)))
      .returning({ id: appointments.id });
    const appointmentIds = theirAppointments.map((a) => a.id);
    if (appointmentIds.length) {
      // The last Cal.com answer kept per phase names the attendee (name, e-mail, phone).
      await tx
        .update(appointmentPhases)
        .set({ calcomMetadata: sql`${appointmentPhases.calcomMetadata} - 'attendee'` })
        .where(
          and(
            eq(appointmentPhases.companyId, ctx.company.id),
            inArray(appointmentPhases.appointmentId, appointmentIds),
          ),
        );
      await tx
        .update(appointmentEvents)
        .set({ note: null })
        .where(
          and(
            eq(appointmentEvents.companyId, ctx.company.id),
            inArray(appointmentEvents.appointmentId, appointmentIds),
            eq(appointmentEvents.kind, "note"),
          ),
        );
    }
    return { alreadyErased: false, calcom: await calcomLeftovers(tx, ctx, ids) };
  });
  // Ids and counts only: nothing that names the person.
  logger.info(
    { companyId: ctx.company.id, customerId: data.id, calcomBookings: result.calcom.length },
    result.alreadyErased ? "customer already erased" : "customer erased",
  );
  return result;
}
