import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { clearReviewAction } from "@/app/(admin)/sync/actions";
import { appointmentListQuery, listAppointments } from "@/lib/appointments/list-appointments";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { cardHref, MONITOR_CARDS, type MonitorCardKey } from "@/lib/calcom/sync/monitor-cards";
import { getSyncMonitor } from "@/lib/calcom/sync/monitor";
import { getOverview } from "@/lib/dashboard/get-overview";
import { getDb } from "@/lib/db/client";
import { appointmentEvents, appointments } from "@/lib/db/schema";
import { parseListParams } from "@/lib/lists/params";
import { zonedInstant } from "@/lib/time/zoned";
import { signInAs } from "../../support/admin-session";
import { makeSalon } from "../../support/factories";

vi.mock("next/headers", async () => (await import("../../support/admin-session")).fakeHeaders);
vi.mock("next/cache", async () => (await import("../../support/admin-session")).fakeCache);
vi.mock("@/lib/auth/auth", async () => (await import("../../support/admin-session")).fakeAuth);

// Booked on Thursday 27 Feb 2031; the monitor looks on Tuesday 4 March at noon: 3 March is past, 5 and 6 March ahead.
const BOOKED_AT = new Date("2031-02-27T12:00:00Z");
const NOW = new Date("2031-03-04T12:00:00Z");

type Salon = Awaited<ReturnType<typeof makeSalon>>;
type Sync = "synced" | "partial" | "failed" | "pending";
type Status = "confirmed" | "cancelled" | "completed" | "no_show";
type Seed = { day: string; status: Status; sync: Sync; review: boolean };

// Past and future × every sync state × confirmed / cancelled / completed, some flagged for review.
const SEEDS: Seed[] = [
  { day: "2031-03-03", status: "confirmed", sync: "synced", review: false },
  { day: "2031-03-03", status: "confirmed", sync: "failed", review: true },
  { day: "2031-03-03", status: "completed", sync: "failed", review: true },
  { day: "2031-03-03", status: "completed", sync: "partial", review: true },
  { day: "2031-03-03", status: "no_show", sync: "synced", review: false },
  { day: "2031-03-03", status: "cancelled", sync: "failed", review: true },
  { day: "2031-03-03", status: "cancelled", sync: "synced", review: false },
  { day: "2031-03-05", status: "confirmed", sync: "synced", review: false },
  { day: "2031-03-05", status: "confirmed", sync: "synced", review: false },
  { day: "2031-03-05", status: "confirmed", sync: "partial", review: true },
  { day: "2031-03-05", status: "confirmed", sync: "failed", review: true },
  { day: "2031-03-05", status: "confirmed", sync: "failed", review: false },
  { day: "2031-03-05", status: "confirmed", sync: "pending", review: false },
  { day: "2031-03-06", status: "confirmed", sync: "pending", review: false },
  { day: "2031-03-06", status: "cancelled", sync: "pending", review: false },
  { day: "2031-03-06", status: "cancelled", sync: "failed", review: false },
];

async function seed(salon: Salon) {
  const ids: number[] = [];
  for (const [i, s] of SEEDS.entries()) {
    const start = zonedInstant(s.day, 9 * 60 + (i % 8) * 60, "Europe/Berlin");
    const staffId = i < 8 ? salon.anna.id : salon.ben.id;
    const customer = { name: `Kundin ${i}`, phone: `+49151000020${String(i).padStart(2, "0")}` };
    const input = { serviceId: salon.cut.id, start, staffId, customer, now: BOOKED_AT };
    const { appointment } = await bookAppointment({ ctx: salon.ctx, input });
    await getDb()
      .update(appointments)
      .set({
        status: s.status,
        calcomSyncStatus: s.sync,
        requiresManualReview: s.review,
        syncErrorCode: s.sync === "failed" ? "calcom_managed_parent" : null,
        cancelledAt: s.status === "cancelled" ? BOOKED_AT : null,
      })
      .where(eq(appointments.id, appointment.id));
    ids.push(appointment.id);
  }
  return ids;
}

/** The list a card links to, read from its link exactly as the appointments page reads its URL. */
async function linkedList(salon: Salon, key: MonitorCardKey) {
  const url = new URL(cardHref(key), "http://slotdesk.test");
  const { query, problems } = parseListParams(appointmentListQuery, Object.fromEntries(url.searchParams));
  expect(problems).toEqual([]);
  return listAppointments({ ctx: salon.ctx, input: { ...query, size: 100 }, today: "2031-03-04" });
}

describe("Sync-Monitor: every number is the list it links to", () => {
  let salon: Salon;
  let ids: number[];
  beforeAll(async () => {
    salon = await makeSalon();
    ids = await seed(salon);
    await seed(await makeSalon()); // another salon's appointments never count
  });

  it("each card equals the row count of its linked list, and the link carries exactly the card's filters", async () => {
    const m = await getSyncMonitor({ ctx: salon.ctx, now: NOW });
    for (const key of Object.keys(MONITOR_CARDS) as MonitorCardKey[]) {
      const list = await linkedList(salon, key);
      expect({ key, n: m.cards[key] }).toEqual({ key, n: list.total });
      expect(list.rows).toHaveLength(list.total);
    }
    // What the operator would count by hand: confirmed ones past and future; review over every status.
    expect(m.cards).toEqual({ synced: 3, pending: 2, partial: 1, failed: 3, review: 6 });
    const failed = await linkedList(salon, "failed");
    expect(failed.rows.every((r) => r.status === "confirmed" && r.syncStatus === "failed")).toBe(true);
  });

  it("the Prüfliste holds every flagged appointment, past, completed and cancelled ones included", async () => {
    const m = await getSyncMonitor({ ctx: salon.ctx, now: NOW });
    const flagged = ids.filter((_, i) => SEEDS[i]!.review);
    expect(m.queue.map((q) => q.id).sort((a, b) => a - b)).toEqual(flagged.sort((a, b) => a - b));
    expect(m.queue).toHaveLength(m.cards.review);
    expect(new Set(m.queue.map((q) => q.status))).toEqual(new Set(["confirmed", "completed", "cancelled"]));
  });

  it("the start page shows the monitor's numbers", async () => {
    const [m, overview] = await Promise.all([
      getSyncMonitor({ ctx: salon.ctx, now: NOW }),
      getOverview({ ctx: salon.ctx, now: NOW }),
    ]);
    expect(overview.needsReview).toBe(m.cards.review);
    expect(overview.pendingSync).toBe(m.cards.pending);
  });

  it("a past flagged appointment is cleared with a reason that lands in its history; card and list follow", async () => {
    const pastCompleted = ids[SEEDS.findIndex((s) => s.status === "completed" && s.review)]!;
    signInAs(salon.company.id);
    expect(await clearReviewAction(pastCompleted, "x")).toMatchObject({ ok: false });
    expect(await clearReviewAction(pastCompleted, "In Cal.com von Hand nachgetragen")).toEqual({
      ok: true,
      message: "Aus der Prüfliste genommen. Die Begründung steht im Verlauf des Termins.",
    });
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, pastCompleted));
    expect(row!.requiresManualReview).toBe(false);
    const history = await getDb()
      .select()
      .from(appointmentEvents)
      .where(
        and(eq(appointmentEvents.appointmentId, pastCompleted), inArray(appointmentEvents.kind, ["note", "sync"])),
      );
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      actor: "admin",
      note: "Aus der Prüfliste genommen: In Cal.com von Hand nachgetragen",
    });
    const m = await getSyncMonitor({ ctx: salon.ctx, now: NOW });
    expect(m.cards.review).toBe(5);
    expect(m.queue).toHaveLength(5);
    expect((await linkedList(salon, "review")).total).toBe(5);
  });

  it("another salon's appointment cannot be cleared, and without a session nothing changes", async () => {
    const other = await makeSalon();
    const [foreign] = await seed(other);
    const flagged = ids[SEEDS.findIndex((s) => s.review)]!;
    signInAs(salon.company.id);
    expect(await clearReviewAction(foreign!, "Nicht meins")).toMatchObject({ ok: false });
    signInAs(null);
    expect(await clearReviewAction(flagged, "Ohne Anmeldung")).toMatchObject({ ok: false, sessionExpired: true });
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, flagged));
    expect(row!.requiresManualReview).toBe(true);
  });
});
