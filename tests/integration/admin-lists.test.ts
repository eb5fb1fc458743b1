import { describe, expect, it } from "vitest";
import { appointmentListQuery, listAppointments } from "@/lib/appointments/list-appointments";
import { callListQuery, listCalls } from "@/lib/calls/list-calls";
import { getDb } from "@/lib/db/client";
import { parseListParams } from "@/lib/lists/params";
import { DEMO_SALON, SECOND_SALON, seedDemo } from "@/dev/seed";
import { companies } from "@/lib/db/schema";
import { eq } from "drizzle-orm";
import { ctxFor } from "../support/factories";

describe("admin list queries (server-side paging, sorting, filters)", async () => {
  const [demo, second] = await seedDemo(getDb(), new Date("2026-11-21T11:00:00Z"));
  const company = async (id: string) =>
    ctxFor((await getDb().select().from(companies).where(eq(companies.id, id)))[0]!);
  const ctx = await company(demo!.companyId);
  const calls = (q: Record<string, string>) => listCalls({ ctx, input: callListQuery.parse(q) });
  const appointments = (q: Record<string, string>, c = ctx) =>
    listAppointments({ ctx: c, input: appointmentListQuery.parse(q), today: "2026-11-21" });

  it("pages calls newest first and counts them", async () => {
    const first = await calls({});
    const second = await calls({ page: "2" });
    expect(first.rows).toHaveLength(25);
    expect(first.total).toBeGreaterThan(100);
    expect(first.pageCount).toBe(Math.ceil(first.total / 25));
    const times = [...first.rows, ...second.rows].map((r) => r.startedAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(50);
  });

  it("filters calls by outcome, sync status, date range and finds callers by number (0151 …) or name", async () => {
    expect((await calls({ outcome: "info" })).rows.every((r) => r.outcome === "info")).toBe(true);
    const failed = await calls({ sync: "failed" });
    expect(failed.rows.length).toBeGreaterThan(0);
    expect(failed.rows.every((r) => r.appointments.some((a) => a.syncStatus === "failed"))).toBe(true);
    const day = await calls({ from: "2026-11-20", to: "2026-11-20" });
    expect(
      day.rows.every(
        (r) => r.startedAt! >= new Date("2026-11-19T23:00:00Z") && r.startedAt! < new Date("2026-11-20T23:00:00Z"),
      ),
    ).toBe(true);
    const byNumber = await calls({ q: "0151 1234 5678" });
    expect(byNumber.rows.length).toBeGreaterThan(0);
    expect(byNumber.rows.every((r) => r.fromNumber === "+4915112345678")).toBe(true);
    const byName = await calls({ q: "siegfried" });
    expect(
      byName.rows.some((r) => r.appointments.some((a) => a.serviceName === "Dauerwelle" && a.segments === 4)),
    ).toBe(true);
  });

  it("lists appointments from today by default, filters and sorts them", async () => {
    const upcoming = await appointments({});
    expect(upcoming.rows.every((r) => r.startsAt >= new Date("2026-11-20T23:00:00Z"))).toBe(true);
    const all = await appointments({ from: "" });
    expect(all.total).toBeGreaterThan(upcoming.total);
    const review = await appointments({ from: "", review: "1" });
    expect(review.rows.length).toBeGreaterThan(0);
    expect(review.rows.every((r) => r.review)).toBe(true);
    const byCustomer = await appointments({ from: "", sort: "customer" });
    const names = byCustomer.rows.map((r) => r.customerName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "de")));
    const perms = await appointments({ from: "", q: "Siegfried" });
    expect(perms.rows.find((r) => r.serviceName === "Dauerwelle")).toMatchObject({ composite: true, segments: 4 });
  });

  it("never shows another company's rows", async () => {
    const other = await company(second!.companyId);
    const theirs = await appointments({ from: "" }, other);
    expect(theirs.rows.length).toBeGreaterThan(0);
    const mine = new Set((await appointments({ from: "", size: "100" })).rows.map((r) => r.id));
    expect(theirs.rows.some((r) => mine.has(r.id))).toBe(false);
    expect(DEMO_SALON.name).not.toBe(SECOND_SALON.name);
  });

  it("drops invalid list parameters with a note instead of failing", () => {
    const { query, problems } = parseListParams(callListQuery, { page: "-3", outcome: "hacked", q: "ok" });
    expect(query).toMatchObject({ page: 1, q: "ok" });
    expect(query.outcome).toBeUndefined();
    expect(problems).toHaveLength(2);
  });
});
