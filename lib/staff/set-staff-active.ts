import { and, count, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { changingCatalog } from "../catalog";
import type { Ctx } from "../context";
import { appointments, staff } from "../db";
import { AppError, parseInput } from "../errors";
import { serverNow } from "../time";
import { staffId } from "./staff-input";
import { lockStaff } from "./write-staff";
import { refreshPersonGroups } from "./person-groups";

const activeInput = z.object({ staffId, active: z.boolean() });

/**
 * An inactive stylist is offered to nobody; booked appointments stay and stay with her. One record of
 * an unresolved duplicate pair is deactivated only without upcoming appointments (else: merge).
 */
export async function setStaffActive({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof activeInput>;
}): Promise<{ id: string; name: string; active: boolean }> {
  const data = parseInput(activeInput, input);
  return changingCatalog(ctx, () =>
    ctx.db.transaction(async (tx) => {
      const member = await lockStaff(tx, ctx.company.id, data.staffId);
      if (!data.active && member.personGroup) {
        // One record of a person whose other record stays bookable: its upcoming appointments would
        // no longer block the other record — the person could be booked twice at once.
        const [upcoming] = await tx
          .select({ n: count() })
          .from(appointments)
          .where(
            and(
              eq(appointments.staffId, member.id),
              eq(appointments.status, "confirmed"),
              gt(appointments.endsAt, serverNow()),
            ),
          );
        if (upcoming!.n > 0)
          throw new AppError(
            "CONFLICT",
            `Dieser Eintrag hat noch ${upcoming!.n === 1 ? "einen kommenden Termin" : `${upcoming!.n} kommende Termine`}. Bitte die Einträge zusammenführen oder den anderen Eintrag deaktivieren.`,
          );
      }
      const [row] = await tx
        .update(staff)
        .set({ active: data.active })
        .where(eq(staff.id, data.staffId))
        .returning({ id: staff.id, name: staff.name, active: staff.active });
      await refreshPersonGroups(tx, ctx.company.id);
      return row!;
    }),
  );
}
