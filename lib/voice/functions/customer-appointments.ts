import { z } from "zod";
import { toE164 } from "../../customers";
import { daySpoken, timeSpoken, addDays, type LocalDate, localDate, zonedInstant } from "../../time";
import { resolveWhen } from "../resolve";
import { fail, type VoiceCtx, type VoiceResult } from "../types";
import { described, parseArgs } from "./args";
import {
  appointmentJson,
  askNameAndDay,
  type CallerAppointment,
  callerPhone,
  countedList,
  listSpoken,
  PRIVACY_REFUSAL,
  upcomingForName,
  upcomingForPhone,
} from "./caller-appointments";

/** Validates the call's args; the agent's tool definition is generated from it (lib/voice/agent). */
export const customerAppointmentsArgs = z.object({
  customer_phone: described.customerPhone,
  customer_name: described.ownName,
  date: described.ownDate,
});

/**
 * The calling number's upcoming appointments — never another number's. A withheld number is asked for
 * the name and the day and then hears that name's appointments of that day, nothing else.
 */
export async function customerAppointmentsFunction(ctx: VoiceCtx, rawArgs: unknown): Promise<VoiceResult> {
  const args = parseArgs(customerAppointmentsArgs, rawArgs);
  const phone = callerPhone(ctx);
  if (!phone) return forNameAndDay(ctx, args.customer_name, args.date);
  const asked = toE164(args.customer_phone);
  // The contract has no "forbidden": not_found is closest, and the answer is the same whether that
  // number has appointments or not.
  if (asked && asked !== phone) return fail("not_found", PRIVACY_REFUSAL, { appointments: [] });

  const found = await upcomingForPhone(ctx, phone);
  const appointments = found.map((a) => appointmentJson(ctx, a));
  if (found.length === 0) {
    return { ok: true, appointments, message: "Unter Ihrer Telefonnummer finde ich keine anstehenden Termine." };
  }
  return { ok: true, appointments, message: `Sie haben ${countedList(ctx, found, 5)}.` };
}

async function forNameAndDay(ctx: VoiceCtx, name: string | undefined, date: string | undefined): Promise<VoiceResult> {
  if (!name || !date) return { ...askNameAndDay(name, date), appointments: [] };
  const when = resolveWhen(ctx, date, undefined);
  if (when.failure) return { ...when.failure, appointments: [] };
  const found = await upcomingForName(ctx, name, when.value.date);
  const appointments = found.map((a) => appointmentJson(ctx, a));
  const day = onDaySpoken(ctx, when.value.date);
  if (found.length === 0) {
    return { ok: true, appointments, message: `Auf den Namen ${name} finde ich ${day} keinen Termin.` };
  }
  const at = (a: CallerAppointment) =>
    `${a.serviceName} um ${timeSpoken(a.start, ctx.company.timeZone)} bei ${a.staffName}`;
  const said = listSpoken(found.map(at));
  const count = found.length === 1 ? "einen Termin" : `${found.length} Termine`;
  return { ok: true, appointments, message: `Auf den Namen ${name} habe ich ${day} ${count}: ${said}.` };
}

/** "am Mittwoch, den 5. Juni," — "heute"/"morgen" without "am"; the trailing comma closes the apposition. */
function onDaySpoken(ctx: VoiceCtx, day: LocalDate): string {
  const tz = ctx.company.timeZone;
  const today = localDate(ctx.now, tz);
  const prefix = day === today ? "heute, " : day === addDays(today, 1) ? "morgen, " : "am ";
  return `${prefix}${daySpoken(zonedInstant(day, 0, tz), tz)},`;
}
