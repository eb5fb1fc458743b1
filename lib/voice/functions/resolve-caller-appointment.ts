import { sameName } from "../../customers";
import { resolveWhen, type When } from "../resolve";
import { fail, type Resolved, type VoiceCtx } from "../types";
import {
  appointmentJson,
  appointmentOfPhone,
  askNameAndDay,
  type CallerAppointment,
  callerPhone,
  countedList,
  dayWindow,
  narrow,
  startsAt,
  upcomingForName,
  upcomingForPhone,
} from "./caller-appointments";

const NOT_UNDER_NUMBER = "Unter Ihrer Telefonnummer finde ich diesen Termin leider nicht. An welchem Tag war er?";
const NOT_ON_NAME_AND_DAY =
  "Auf diesen Namen finde ich an dem Tag leider keinen Termin. Auf welchen Namen und für welchen Tag war er gebucht?";
const SEVERAL_ON_NAME_AND_DAY =
  "An diesem Tag finde ich mehrere Termine auf diesen Namen. Um wie viel Uhr war Ihr Termin?";

export type AppointmentRequest = {
  appointmentId?: number;
  customerName?: string;
  date?: string;
  time?: string;
  action: "absagen" | "verschieben";
};

/**
 * The appointment the caller means — only ever one of their own. With a usable caller number: one booked
 * under that number (by id, by day and time, or the only upcoming one). Without one (withheld,
 * "anonymous"): only what the caller must know identifies it, the customer's name plus the day.
 */
export async function resolveCallerAppointment(
  ctx: VoiceCtx,
  input: AppointmentRequest,
): Promise<Resolved<CallerAppointment>> {
  const phone = callerPhone(ctx);
  return phone ? byPhone(ctx, phone, input) : byNameAndDay(ctx, input);
}

async function byPhone(ctx: VoiceCtx, phone: string, input: AppointmentRequest): Promise<Resolved<CallerAppointment>> {
  if (input.appointmentId) {
    // Another number's appointment gets the same answer as none at all: ids are small running numbers.
    const own = await appointmentOfPhone(ctx, input.appointmentId, phone);
    return own ? { value: own } : { failure: fail("not_found", NOT_UNDER_NUMBER) };
  }
  let when: When | undefined;
  if (input.date) {
    const resolved = resolveWhen(ctx, input.date, input.time);
    if (resolved.failure) return resolved;
    when = resolved.value;
  }
  const all = await upcomingForPhone(ctx, phone, when ? dayWindow(ctx, when.date) : {});
  const name = input.customerName;
  const found = narrow(narrow(all, startsAt(when?.start)), name ? (a) => sameName(a.customerName, name) : null);
  if (found.length === 1) return { value: found[0]! };
  if (found.length === 0) {
    const message = when
      ? "An diesem Tag finde ich unter Ihrer Telefonnummer keinen Termin. Könnte er an einem anderen Tag sein?"
      : "Unter Ihrer Telefonnummer finde ich keinen anstehenden Termin.";
    return { failure: fail("not_found", message) };
  }
  const message = `Unter Ihrer Nummer finde ich ${countedList(ctx, found, 4)}. Welchen möchten Sie ${input.action}?`;
  return { failure: fail("ambiguous", message, { appointments: found.map((a) => appointmentJson(ctx, a)) }) };
}

/** Name and day are the proof; an id alone proves nothing, so it only narrows what they found. */
async function byNameAndDay(ctx: VoiceCtx, input: AppointmentRequest): Promise<Resolved<CallerAppointment>> {
  const { customerName, date } = input;
  if (!customerName || !date) return { failure: askNameAndDay(customerName, date) };
  const when = resolveWhen(ctx, date, input.time);
  if (when.failure) return when;
  const onDay = await upcomingForName(ctx, customerName, when.value.date);
  const id = input.appointmentId;
  const found = narrow(narrow(onDay, id ? (a) => a.id === id : null), startsAt(when.value.start));
  if (found.length === 1) return { value: found[0]! };
  if (found.length === 0) return { failure: fail("not_found", NOT_ON_NAME_AND_DAY) };
  // Not listed: a forgiving name ("Müller") may match someone else's appointment that day.
  return { failure: fail("ambiguous", SEVERAL_ON_NAME_AND_DAY, { field: "time" }) };
}
