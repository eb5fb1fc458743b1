import { asc, eq, and } from "drizzle-orm";
import { serviceSegments, services } from "../../db";
import { dateSpoken, timeSpoken, weekdayDe, isoWithOffset } from "../../time";
import { listAnd } from "../matching";
import { durationSpoken } from "../speech";
import type { VoiceCtx, VoiceResult } from "../types";

export async function currentTimeFunction(ctx: VoiceCtx): Promise<VoiceResult> {
  const tz = ctx.company.timeZone;
  const spokenDate = dateSpoken(ctx.now, tz);
  return {
    ok: true,
    now: isoWithOffset(ctx.now, tz),
    weekday: weekdayDe(ctx.now, tz),
    date_spoken: spokenDate,
    message: `Heute ist ${spokenDate}, es ist ${timeSpoken(ctx.now, tz)}.`,
  };
}

export async function listServicesFunction(ctx: VoiceCtx): Promise<VoiceResult> {
  const rows = await ctx.db.query.services.findMany({
    where: and(eq(services.companyId, ctx.company.id), eq(services.active, true)),
    orderBy: [asc(services.name)],
    with: { segments: { orderBy: [asc(serviceSegments.sequenceOrder)] } },
  });
  return {
    ok: true,
    services: rows.map((s) => ({
      id: s.id,
      name: s.name,
      duration_minutes: s.durationMinutes,
      composite: s.composite,
      segments: s.segments.map((seg) => ({
        key: seg.key,
        name: seg.name,
        duration_minutes: seg.durationMinutes,
        staff_required: seg.staffRequired,
      })),
    })),
    message: rows.length
      ? `Wir bieten ${listAnd(rows.map((s) => `${s.name} (${durationSpoken(s.durationMinutes)})`))} an.`
      : "Im Moment sind keine Leistungen buchbar.",
  };
}
