import { z } from "zod";
import { bookAppointment, type UnavailableDetail, type UnavailableReason } from "../../booking";
import { linkCallCustomer } from "../../calls";
import { customerEmail, toE164 } from "../../customers";
import { isAppError } from "../../errors";
import { afterResponse } from "../../http";
import { logger } from "../../logger";
import { isoWithOffset, localDate } from "../../time";
import { resolveService, resolveStaff, resolveWhen } from "../resolve";
import { offerAlternatives } from "../offers";
import { refusal } from "../refusals";
import { say, whenPhrase } from "../say";
import { durationSpoken, phasesJson } from "../speech";
import { fail, type VoiceCtx, type VoiceResult } from "../types";
import { described, parseArgs } from "./args";

/** Validates the call's args; the agent's tool definition is generated from it (lib/voice/agent). */
export const bookAppointmentArgs = z.object({
  service: described.service,
  date: described.date,
  time: described.time,
  customer_name: described.customerName,
  staff: described.staff,
  customer_phone: described.customerPhone,
  customer_email: described.customerEmail,
  notes: z
    .preprocess((v) => (typeof v === "string" ? v.trim() || undefined : undefined), z.string().max(2000).optional())
    .describe("Kurze Notiz für den Salon, nur wenn der Anrufer etwas Besonderes erwähnt (z. B. Allergie)."),
});

/**
 * Commits the appointment and all its phases, then answers. `booked:true` only after the commit;
 * the same call booking the same service and start again gets the same appointment back.
 */
export async function bookAppointmentFunction(ctx: VoiceCtx, rawArgs: unknown): Promise<VoiceResult> {
  const args = parseArgs(bookAppointmentArgs, rawArgs);
  const tz = ctx.company.timeZone;
  const service = await resolveService(ctx, args.service);
  if (service.failure) return { ...service.failure, booked: false };
  if (!args.date)
    return fail("missing_field", "An welchem Tag möchten Sie den Termin?", { booked: false, field: "date" });
  if (!args.time && !/\d|uhr|halb|viertel|mittag/i.test(args.date)) {
    return fail("missing_field", "Um wie viel Uhr hätten Sie gern den Termin?", { booked: false, field: "time" });
  }
  if (!args.customer_name)
    return fail("missing_field", "Auf welchen Namen darf ich den Termin eintragen?", {
      booked: false,
      field: "customer_name",
    });
  const email = args.customer_email ? customerEmail.safeParse(args.customer_email) : null;
  if (email && !email.success) {
    return fail(
      "missing_field",
      "Diese E-Mail-Adresse kann ich leider nicht eintragen, Umlaute sind darin nicht möglich. Nennen Sie mir eine andere, oder buche ich ohne E-Mail?",
      {
        booked: false,
        field: "customer_email",
      },
    );
  }
  const staff = await resolveStaff(ctx, args.staff);
  if (staff.failure) return { ...staff.failure, booked: false };
  const when = resolveWhen(ctx, args.date, args.time);
  if (when.failure) return { ...when.failure, booked: false };
  if (!when.value.start)
    return fail("missing_field", "Um wie viel Uhr hätten Sie gern den Termin?", { booked: false, field: "time" });

  const start = when.value.start;
  const requested_start = isoWithOffset(start, tz);
  const phone = toE164(args.customer_phone) ?? toE164(ctx.call.fromNumber);
  const staffName = staff.value?.name ?? null;
  try {
    const { appointment } = await bookAppointment({
      ctx,
      input: {
        serviceId: service.value.id,
        start,
        staffIds: staff.value?.ids,
        callId: ctx.call.id,
        customer: { name: args.customer_name, phone, email: email?.data ?? null },
        notes: args.notes,
        idempotencyKey: `${ctx.call.retellCallId}:${service.value.id}:${start.toISOString()}`,
        source: "voice",
        now: ctx.now,
      },
    });
    // The call is linked to the (possibly new) customer after the answer has gone out.
    await afterResponse(() =>
      linkCallCustomer(ctx.db, ctx.call.id, appointment.customerId).catch((error) =>
        logger.error({ err: error, callId: ctx.call.retellCallId }, "linking call to customer failed"),
      ),
    );
    const plan = service.value.composite
      ? `Bitte planen Sie etwa ${durationSpoken(service.value.durationMinutes)} ein, wir freuen uns auf Sie!`
      : "Wir freuen uns auf Sie!";
    return {
      ok: true,
      booked: true,
      appointment_id: appointment.id,
      start: isoWithOffset(appointment.start, tz),
      end: isoWithOffset(appointment.end, tz),
      staff_name: appointment.staffName,
      phases: phasesJson(appointment.phases, tz),
      message: say(
        `Ihr Termin ist gebucht: ${service.value.name} ${whenPhrase(appointment.start, tz, ctx.now)} bei ${appointment.staffName}`,
        plan,
      ),
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "VALIDATION")
      return fail("missing_field", "Ich habe den Namen nicht richtig verstanden, auf welchen Namen darf ich buchen?", {
        booked: false,
        field: "customer_name",
      });
    if (!["SLOT_TAKEN", "UNAVAILABLE", "OUTSIDE_OPENING_HOURS", "IN_PAST"].includes(error.code)) throw error;
    const reason = (error.details?.reason as UnavailableReason | undefined) ?? "taken";
    const why = refusal(reason, (error.details ?? {}) as UnavailableDetail, {
      company: ctx.company,
      now: ctx.now,
      start,
      service: service.value,
      staffName,
    });
    const offer = await offerAlternatives(ctx, {
      serviceId: service.value.id,
      around: start,
      requestedDay: localDate(start, tz),
      staffIds: reason === "no_staff" ? undefined : staff.value?.ids,
      askedFor: reason === "no_staff" ? null : staffName,
      skip: reason === "beyond_horizon",
    });
    const text =
      reason === "taken"
        ? `${whenPhrase(start, tz, ctx.now)} ist leider nicht mehr frei, es wurde nichts gebucht`
        : `${why.text}, es wurde nichts gebucht`;
    return fail(why.error ?? "slot_taken", say(text, offer.sentence), {
      booked: false,
      requested_start,
      alternatives: offer.json,
    });
  }
}
