import { z } from "zod";
import { toE164 } from "../../customers/phone";
import { isoWithOffset } from "../../time/zoned";
import { fail, type VoiceCtx, type VoiceResult } from "../types";
import { parseArgs, text } from "./args";
import { describe, upcomingForPhone } from "./caller-appointments";

const schema = z.object({ customer_phone: text });

export async function customerAppointmentsFunction(ctx: VoiceCtx, rawArgs: unknown): Promise<VoiceResult> {
  const args = parseArgs(schema, rawArgs);
  const tz = ctx.company.timeZone;
  const phone = toE164(args.customer_phone) ?? toE164(ctx.call.fromNumber);
  if (!phone) return fail("missing_field", "Unter welcher Telefonnummer haben Sie den Termin gebucht?", { field: "customer_phone", appointments: [] });
  const found = await upcomingForPhone(ctx, phone);
  const appointments = found.map((a) => ({
    appointment_id: a.id,
    service: a.serviceName,
    start: isoWithOffset(a.start, tz),
    end: isoWithOffset(a.end, tz),
    staff_name: a.staffName,
    status: a.status,
  }));
  if (found.length === 0) return { ok: true, appointments, message: "Unter dieser Telefonnummer finde ich keine anstehenden Termine." };
  const list = found.slice(0, 5).map((a) => describe(ctx, a));
  const intro = found.length === 1 ? "Sie haben einen Termin:" : `Sie haben ${found.length} Termine:`;
  return { ok: true, appointments, message: `${intro} ${list.join("; ")}.` };
}
