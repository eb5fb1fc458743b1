import { inArray } from "drizzle-orm";
import type { z } from "zod";
import { changingCatalog } from "../catalog";
import type { Ctx } from "../context";
import { appointments, staffAbsences } from "../db";
import { parseInput } from "../errors";
import { notBefore } from "../time";
import { type AbsenceData, absenceInput } from "./absence-input";
import { type AffectedAppointment, affectedAppointments, onceBounds } from "./affected-appointments";
import { lockStaff } from "./write-staff";

const REASON: Record<AbsenceData["kind"], string> = {
  vacation: "Urlaub",
  sick: "Krankmeldung",
  training: "Fortbildung",
  other: "Abwesenheit",
};

export type AddAbsenceResult =
  | { saved: false; affected: AffectedAppointment[] }
  | { saved: true; id: number; affected: AffectedAppointment[]; followUpReason: string };

function columns(data: AbsenceData, companyId: string, timeZone: string) {
  const base = { companyId, staffId: data.staffId, kind: data.kind, note: data.note, allDay: data.allDay };
  if (data.repeat === "once") return { ...base, ...onceBounds(data, timeZone) };
  return {
    ...base,
    weekday: data.weekday,
    startTime: data.allDay ? "00:00" : data.startTime!,
    endTime: data.allDay ? "24:00" : data.endTime!,
    validFrom: data.validFrom,
    validUntil: data.validUntil,
  };
}

/**
 * Records an absence. When it covers active appointments of the stylist, the first call only
 * lists them (`saved: false`); with `confirm` it saves and flags them for a call to the customer —
 * nothing is cancelled. From then on nobody is offered the stylist in that time.
 */
export async function addAbsence({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof absenceInput>;
}): Promise<AddAbsenceResult> {
  const data = parseInput(absenceInput, input);
  const now = notBefore(undefined);
  return changingCatalog(ctx, () =>
    ctx.db.transaction(async (tx) => {
      const member = await lockStaff(tx, ctx.company.id, data.staffId);
      const affected = await affectedAppointments(tx, {
        companyId: ctx.company.id,
        staffId: member.id,
        timeZone: ctx.company.timeZone,
        now,
        absence: data,
      });
      if (affected.length > 0 && !data.confirm) return { saved: false, affected };
      const [row] = await tx
        .insert(staffAbsences)
        .values(columns(data, ctx.company.id, ctx.company.timeZone))
        .returning({ id: staffAbsences.id });
      const followUpReason = `${REASON[data.kind]} von ${member.name} – Kundin anrufen`;
      if (affected.length > 0)
        await tx
          .update(appointments)
          .set({ followUpReason, followUpAt: now })
          .where(
            inArray(
              appointments.id,
              affected.map((a) => a.id),
            ),
          );
      return {
        saved: true,
        id: Number(row!.id),
        affected: affected.map((a) => ({ ...a, followUpReason })),
        followUpReason,
      };
    }),
  );
}
