import { findAvailability, type Candidate, type UnavailableDetail, type UnavailableReason } from "../../booking";
import { salonCalendar, salonDay, type SalonDay } from "../../companies";
import { notBefore, timeSpoken, isoWithOffset, localDate, zonedInstant } from "../../time";
import { listOr } from "../matching";
import { offerAlternatives } from "../offers";
import { refusal } from "../refusals";
import { dayPhrase, say } from "../say";
import type { ServiceRef } from "../resolve";
import { fail, type VoiceCtx, type VoiceResult } from "../types";

/** "um 9 Uhr, um 10 Uhr 30 oder um 14 Uhr" from a day's free starts, spread over the day. */
function sampleTimes(slots: Candidate[], max: number): Candidate[] {
  if (slots.length <= max) return slots;
  const step = (slots.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => slots[Math.round(i * step)]!);
}

/** Why the salon is closed all day on a date, in the engine's reasons; null when it opens. */
function closedBecause(day: SalonDay): { reason: UnavailableReason; detail: UnavailableDetail } | null {
  if (day.hours.length > 0) return null;
  if (day.exception?.kind === "holiday") return { reason: "closed_holiday", detail: { name: day.exception.name } };
  if (day.exception?.kind === "special")
    return { reason: "closed_special_day", detail: { name: day.exception.reason } };
  return { reason: "outside_opening_hours", detail: {} };
}

/** check_availability without a time: the day's free starts, or why there are none and what else. */
export async function dayListing(
  ctx: VoiceCtx,
  q: { service: ServiceRef; staffIds?: string[]; staffName: string | null; date: string },
): Promise<VoiceResult> {
  const tz = ctx.company.timeZone;
  const noon = zonedInstant(q.date, 12 * 60, tz);
  const day = dayPhrase(noon, tz, ctx.now).replace(/,$/, "");
  const by = q.staffName ? ` bei ${q.staffName}` : "";
  const today = localDate(notBefore(ctx.now), tz);
  if (q.date < today)
    return fail(
      "in_past",
      say(`${day} liegt leider schon in der Vergangenheit`, "Welcher Tag passt Ihnen stattdessen?"),
      { date: q.date },
    );
  const around = zonedInstant(q.date, 10 * 60, tz);
  const offers = () =>
    offerAlternatives(ctx, { serviceId: q.service.id, around, staffIds: q.staffIds, askedFor: q.staffName });
  const closed = closedBecause(salonDay(await salonCalendar(ctx), q.date));
  if (closed) {
    const why = refusal(closed.reason, closed.detail, {
      company: ctx.company,
      now: ctx.now,
      start: noon,
      service: q.service,
      staffName: q.staffName,
    });
    const offer = await offers();
    return fail("outside_opening_hours", say(why.text, offer.sentence), {
      date: q.date,
      slots: [],
      alternatives: offer.json,
    });
  }
  const { slots } = await findAvailability({
    ctx,
    input: { serviceId: q.service.id, from: q.date, staffIds: q.staffIds, callId: ctx.call.id, now: ctx.now },
  });
  const slotJson = slots.map((s) => ({ start: isoWithOffset(s.start, tz), staff_name: s.staffName }));
  if (slots.length === 0) {
    const offer = await offers();
    return {
      ok: true,
      date: q.date,
      slots: [],
      alternatives: offer.json,
      message: say(`${day} ist${by} für ${q.service.name} leider nichts mehr frei`, offer.sentence),
    };
  }
  const times = listOr(sampleTimes(slots, 4).map((s) => timeSpoken(s.start, tz)));
  const intro =
    slots.length > 4
      ? `${day} ist${by} noch einiges frei, zum Beispiel um ${times}`
      : `${day} ist${by} noch frei um ${times}`;
  return { ok: true, date: q.date, slots: slotJson, message: say(intro, "Welche Uhrzeit passt Ihnen?") };
}
