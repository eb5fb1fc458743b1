import type { Ctx } from "../context";
import { salonCalendar } from "../companies";
import { parseInput } from "../errors";
import { serverNow } from "../time";
import { buildCalendar } from "./build-calendar";
import { calendarDays, calendarInput } from "./calendar-input";
import { loadCalendarRows } from "./load-rows";
import { dayBounds } from "./spans";
import type { Calendar } from "./types";

/**
 * The salon's calendar for a day or a week (Monday–Sunday) in its time zone: per active stylist
 * their working hours, appointments with phases, holds of ongoing calls, absences, Cal.com busy time
 * and the free time one can book, and per day the salon's opening hours or why it is closed.
 */
export async function getCalendar({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Calendar> {
  const { view, date, staff } = parseInput(calendarInput, input);
  const { timeZone, slotGridMinutes, allowGapBooking } = ctx.company;
  const days = calendarDays(view, date);
  const firstDay = days[0]!;
  const lastDay = days[days.length - 1]!;
  const now = serverNow();
  const [rows, salon] = await Promise.all([
    loadCalendarRows(
      ctx,
      {
        from: dayBounds(firstDay, timeZone).start,
        to: dayBounds(lastDay, timeZone).end,
        firstDay,
        lastDay,
        now,
      },
      staff,
    ),
    salonCalendar(ctx),
  ]);
  const built = buildCalendar(rows, salon, {
    days,
    timeZone,
    slotMinutes: slotGridMinutes,
    gapBooking: allowGapBooking,
    now,
    only: staff,
  });
  return {
    view,
    date,
    timeZone,
    slotMinutes: slotGridMinutes,
    gapBooking: allowGapBooking,
    ...built,
    selected: staff,
  };
}
