"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, form, type ActionState, actionError, checked, text } from "@/lib/actions";
import { deleteSpecialDay, saveSpecialDays, updateHolidays } from "@/lib/companies";
import { isAppError } from "@/lib/errors";
import { formatDateTimeDe } from "@/lib/time";

const PAGE = "/oeffnungszeiten";

/** The verbs' messages are German sentences; for a refused form the person reads all of them. */
function failed(error: unknown): NonNullable<ActionState> {
  if (isAppError(error) && error.code === "VALIDATION") {
    const issues = (error.details?.issues ?? []) as { message: string }[];
    const messages = [...new Set(issues.map((i) => i.message))];
    if (messages.length) return { ok: false, message: `Nicht gespeichert. ${messages.join(" ")}` };
  }
  return actionError(error);
}

const holidays = (f: FormData) => ({
  state: text(f, "state") || null,
  openOnHolidays: f.getAll("openOnHoliday").filter((v): v is string => typeof v === "string"),
});
export const saveHolidaysAction = adminAction(
  z.tuple([form(holidays)]),
  async ({ ctx, input: [input] }): Promise<ActionState> => {
    await updateHolidays({ ctx, input: input as Parameters<typeof updateHolidays>[0]["input"] });
    revalidatePath(PAGE);
    return { ok: true, message: "Feiertage gespeichert." };
  },
  failed,
);

const termine = (n: number) => (n === 1 ? "1 Termin" : `${n} Termine`);
const ist = (n: number) => (n === 1 ? "ist" : "sind");

/** Saved, or the appointments the closure would hit, said so the admin can confirm. */
export type SpecialDayState =
  (NonNullable<ActionState> & { affected?: { id: number; when: string; who: string }[] }) | null;

const specialDay = (f: FormData) => {
  const opens = f.getAll("open").map(String);
  const closes = f.getAll("close").map(String);
  return {
    from: text(f, "from"),
    to: text(f, "to") || undefined,
    hours: checked(f, "closedAllDay") ? [] : opens.map((open, i) => ({ open, close: closes[i] ?? "" })),
    reason: text(f, "reason"),
    confirm: checked(f, "confirm"),
  };
};
export const saveSpecialDaysAction = adminAction(
  z.tuple([form(specialDay)]),
  async ({ ctx, input: [input] }): Promise<SpecialDayState> => {
    const result = await saveSpecialDays({ ctx, input });
    const when = (d: Date) => formatDateTimeDe(d, ctx.company.timeZone);
    if (!result.saved)
      return {
        ok: false,
        message: `Nicht gespeichert: In dieser Zeit ${ist(result.affected.length)} ${termine(result.affected.length)} gebucht. Beim Speichern wird nichts storniert, sie werden zum Nachfassen markiert.`,
        affected: result.affected.map((a) => ({
          id: a.id,
          when: when(a.start),
          who: `${a.customerName} · ${a.serviceName} · ${a.staffName}`,
        })),
      };
    revalidatePath(PAGE);
    revalidatePath("/appointments");
    const n = result.flagged.length;
    const flagged = n ? ` ${termine(n)} ${ist(n)} zum Nachfassen markiert.` : "";
    return {
      ok: true,
      message: `${result.days === 1 ? "Sondertag" : `${result.days} Sondertage`} gespeichert.${flagged}`,
    };
  },
  failed,
);

export const deleteSpecialDayAction = adminAction(
  z.tuple([z.number().int().positive()]),
  async ({ ctx, input: [id] }): Promise<ActionState> => {
    await deleteSpecialDay({ ctx, input: { id } });
    revalidatePath(PAGE);
    return { ok: true, message: "Sondertag gelöscht." };
  },
);
