import { findAlternatives } from "../booking";
import { isoWithOffset } from "../time";
import { inSpokenOrder, offersPhrase } from "./say";
import type { VoiceCtx } from "./types";

type OfferInput = {
  serviceId: number;
  around: Date;
  /** The salon-local day the caller asked for: offers on it are said by their time alone. */
  requestedDay?: string;
  staffIds?: string[];
  askedFor: string | null;
  ignoreAppointmentId?: number;
  /** Nothing to offer (e.g. beyond the booking horizon): ask for another day instead. */
  skip?: boolean;
};

/**
 * Up to three alternatives for a time that does not work: the JSON the agent reads and the
 * sentence it says, in the same order, the refused start never among them.
 */
export async function offerAlternatives(
  ctx: VoiceCtx,
  input: OfferInput,
): Promise<{ json: { start: string; end: string; staff_name: string }[]; sentence: string }> {
  const tz = ctx.company.timeZone;
  if (input.skip) return { json: [], sentence: "Welcher frühere Tag würde Ihnen passen?" };
  const found = await findAlternatives({
    ctx,
    input: {
      serviceId: input.serviceId,
      around: input.around,
      staffIds: input.staffIds,
      callId: ctx.call.id,
      ignoreAppointmentId: input.ignoreAppointmentId,
      now: ctx.now,
    },
  });
  const ordered = inSpokenOrder(found, tz, input.askedFor);
  const json = ordered.map((c) => ({
    start: isoWithOffset(c.start, tz),
    end: isoWithOffset(c.end, tz),
    staff_name: c.staffName,
  }));
  if (ordered.length === 0)
    return {
      json,
      sentence:
        "In den nächsten zwei Wochen ist dafür leider nichts mehr frei, darf ich für Sie in einer späteren Woche nachsehen?",
    };
  const phrase = offersPhrase(ordered, tz, ctx.now, { requestedDay: input.requestedDay, askedFor: input.askedFor });
  return { json, sentence: `Ich könnte Ihnen ${phrase} anbieten, passt Ihnen davon etwas?` };
}
