import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { appointmentEvents, appointments } from "../db";
import { AppError, parseInput } from "../errors";
import { staffLabels } from "../staff";
import { actorDe, historySentence } from "./history-sentence";

export const historyInput = z.object({ appointmentId: z.number().int().positive() });

export type HistoryEntry = {
  id: number;
  at: Date;
  kind: (typeof appointmentEvents.$inferSelect)["kind"];
  /** "Verschoben von Di, 03.03. 10:00 auf Mi, 04.03. 11:30 (Fabian Spitzer → Lea) – durch Anna Admin" */
  sentence: string;
  /** "Anna Admin", "Anruf #12", "Cal.com", "automatisch", "System". */
  actor: string;
  /** The call the change came through, for a link to its page. */
  callId: number | null;
};

/** The history ("Verlauf") of one of the company's appointments, oldest first, in German. */
export async function getAppointmentHistory({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof historyInput>;
}): Promise<HistoryEntry[]> {
  const data = parseInput(historyInput, input);
  const [owned] = await ctx.db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.id, data.appointmentId)));
  if (!owned) throw new AppError("NOT_FOUND", "Termin nicht gefunden", { appointmentId: data.appointmentId });
  const [events, labels] = await Promise.all([
    ctx.db
      .select()
      .from(appointmentEvents)
      .where(and(eq(appointmentEvents.companyId, ctx.company.id), eq(appointmentEvents.appointmentId, owned.id)))
      .orderBy(asc(appointmentEvents.at), asc(appointmentEvents.id)),
    staffLabels({ ctx }),
  ]);
  const staffName = (id: string | null) => (id ? (labels.get(id) ?? "unbekannt") : "unbekannt");
  return events.map((e) => ({
    id: e.id,
    at: e.at,
    kind: e.kind,
    sentence: historySentence(e, ctx.company.timeZone, staffName),
    actor: actorDe(e),
    callId: e.callId,
  }));
}
