import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appointmentListQuery, listAppointments } from "@/lib/appointments";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { callListQuery, listCalls } from "@/lib/calls";
import { getOverview } from "@/lib/dashboard/get-overview";
import { getDb } from "@/lib/db/client";
import { appointments, calls } from "@/lib/db/schema";
import { parseListParams } from "@/lib/lists/params";
import { zonedInstant } from "@/lib/time/zoned";
import { makeCall, makeSalon } from "../../support/factories";

// Tuesday 4 March 2031, 10:00 in Berlin. The week the start page counts runs to Monday 10 March.
const NOW = new Date("2031-03-04T09:00:00Z");
const BOOKED_AT = new Date("2031-02-27T12:00:00Z");
const TODAY = "2031-03-04";

/** The list a start-page number opens, read from its link as the list page reads its URL. */
async function opened(salon: Awaited<ReturnType<typeof makeSalon>>, href: string) {
  const url = new URL(href, "http://slotdesk.test");
  const params = Object.fromEntries(url.searchParams);
  if (url.pathname === "/calls") {
    const { query, problems } = parseListParams(callListQuery, params);
    expect(problems).toEqual([]);
    return (await listCalls({ ctx: salon.ctx, input: { ...query, size: 100 } })).total;
  }
  expect(url.pathname).toBe("/appointments");
  const { query, problems } = parseListParams(appointmentListQuery, params);
  expect(problems).toEqual([]);
  return (await listAppointments({ ctx: salon.ctx, input: { ...query, size: 100 }, today: TODAY })).total;
}

describe("start page: each number is the list it opens", () => {
  it("today's and the week's appointments and today's calls, counted by the lists' own queries", async () => {
    const salon = await makeSalon();
    const other = await makeSalon(); // another salon's rows never count
    const book = async (
      s: typeof salon,
      day: string,
      hour: number,
      status: "confirmed" | "cancelled" = "confirmed",
    ) => {
      const { appointment } = await bookAppointment({
        ctx: s.ctx,
        input: {
          serviceId: s.cut.id,
          start: zonedInstant(day, hour * 60, "Europe/Berlin"),
          staffId: s.anna.id,
          customer: { name: `Kundin ${day} ${hour}`, phone: `+4915100003${day.slice(-2)}${hour}` },
          now: BOOKED_AT,
        },
      });
      if (status === "cancelled")
        await getDb()
          .update(appointments)
          .set({ status: "cancelled", cancelledAt: BOOKED_AT })
          .where(eq(appointments.id, appointment.id));
    };
    await book(salon, TODAY, 9); // earlier today: still today's
    await book(salon, TODAY, 15);
    await book(salon, TODAY, 16, "cancelled");
    await book(salon, "2031-03-10", 11); // the seventh day
    await book(salon, "2031-03-11", 11); // the eighth: not in the week
    await book(other, TODAY, 12);
    for (const [s, at] of [
      [salon, "2031-03-04T07:30:00Z"],
      [salon, "2031-03-04T08:45:00Z"],
      [salon, "2031-03-03T16:00:00Z"],
      [other, "2031-03-04T08:00:00Z"],
    ] as const) {
      const call = await makeCall(s.company);
      await getDb()
        .update(calls)
        .set({ startedAt: new Date(at) })
        .where(eq(calls.id, call.id));
    }

    const overview = await getOverview({ ctx: salon.ctx, now: NOW });
    expect(overview).toMatchObject({ appointmentsToday: 2, appointmentsNext7Days: 3, callsToday: 2 });
    expect(await opened(salon, overview.hrefs.today)).toBe(overview.appointmentsToday);
    expect(await opened(salon, overview.hrefs.week)).toBe(overview.appointmentsNext7Days);
    expect(await opened(salon, overview.hrefs.calls)).toBe(overview.callsToday);
    expect(overview.hrefs).toEqual({
      today: "/appointments?from=2031-03-04&to=2031-03-04&status=confirmed",
      week: "/appointments?from=2031-03-04&to=2031-03-10&status=confirmed",
      calls: "/calls?from=2031-03-04&to=2031-03-04",
    });
  });
});
