import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appointmentListQuery, listAppointments } from "@/lib/appointments/list-appointments";
import { callListQuery, listCalls } from "@/lib/calls/list-calls";
import { listCustomers } from "@/lib/customers/list-customers";
import { phoneDigits } from "@/lib/customers/search";
import { getDb } from "@/lib/db/client";
import { customers } from "@/lib/db/schema";
import { makeSalon } from "../../support/factories";
import { useServerClock } from "../../support/clock";
import { NOW, berlin, book, callFrom, makeCustomer } from "./fixtures";

useServerClock(NOW);

describe("phoneDigits: every German way of writing a number", () => {
  it.each([
    ["+49 151 2345678", "491512345678"],
    ["+49 (0)151 2345678", "491512345678"],
    ["0049151 2345678", "491512345678"],
    ["0151-2345678", "491512345678"],
    ["0151/234 56 78", "491512345678"],
    ["2345678", "2345678"],
    ["Krüger", null],
    ["01", null],
  ])("%s → %s", (typed, digits) => expect(phoneDigits(typed)).toBe(digits));
});

describe("forgiving customer search", async () => {
  const salon = await makeSalon();
  const other = await makeSalon();
  const kruger = await makeCustomer(salon.company, { name: "Anna Krüger", phone: "+491512345678" });
  const jose = await makeCustomer(salon.company, { name: "José Álvarez", phone: "+4917099887766" });
  await makeCustomer(salon.company, { name: "Bernd Schulz", phone: "+4930123456" });
  const foreign = await makeCustomer(other.company, { name: "Anna Krüger", phone: "+491512345678" });
  const names = async (q: string, company = salon) =>
    (await listCustomers({ ctx: company.ctx, input: { q, now: NOW } })).rows.map((r) => r.id);

  it.each(["kruger", "KRUEGER", "Krugr", "krüger", "Krüger Anna", "anna kr"])("„%s“ finds Anna Krüger", async (q) => {
    expect(await names(q)).toEqual([kruger.id]);
  });

  it.each(["Jose", "jose alvarez", "ALVAREZ"])("„%s“ finds José Álvarez", async (q) => {
    expect(await names(q)).toEqual([jose.id]);
  });

  it.each(["+49 151 2345678", "0049151 2345678", "0151-2345678", "0151 2345678", "2345678"])(
    "the number „%s“ finds the same customer",
    async (q) => expect(await names(q)).toEqual([kruger.id]),
  );

  it("never shows another salon's customers, and a text without letters finds nobody", async () => {
    expect(await names("Krüger", other)).toEqual([foreign.id]);
    expect(await names("xyzzy")).toEqual([]);
    expect(await names("--")).toEqual([]);
  });

  it("hides merged and erased records unless all are asked for", async () => {
    const old = await makeCustomer(salon.company, { name: "Anna Krüger (alt)" });
    await getDb().update(customers).set({ mergedInto: kruger.id }).where(eq(customers.id, old.id));
    expect(await names("kruger")).toEqual([kruger.id]);
    const all = await listCustomers({ ctx: salon.ctx, input: { q: "kruger", show: "all", now: NOW } });
    expect(all.rows.map((r) => r.id).sort()).toEqual([kruger.id, old.id].sort());
    expect(all.rows.find((r) => r.id === old.id)?.mergedInto).toBe(kruger.id);
  });

  it("lists appointment figures: count, next appointment, last visit, no-shows", async () => {
    const past = await book(salon, { name: "Anna Krüger", phone: "0151 2345678" }, berlin("2027-03-08", "10:00"));
    const missed = await book(salon, { name: "Anna Krüger", phone: "0151 2345678" }, berlin("2027-03-09", "10:00"));
    const next = await book(salon, { name: "Anna Krüger", phone: "0151 2345678" }, berlin("2027-03-22", "10:00"));
    expect(new Set([past.customerId, missed.customerId, next.customerId])).toEqual(new Set([kruger.id]));
    await getDb().execute(`update appointments set status = 'no_show' where id = ${missed.id}`);
    const [row] = (await listCustomers({ ctx: salon.ctx, input: { q: "Krüger", now: NOW } })).rows;
    expect(row).toMatchObject({
      name: "Anna Krüger",
      appointments: 3,
      noShows: 1,
      nextAt: berlin("2027-03-22", "10:00"),
      lastVisitAt: berlin("2027-03-08", "10:00"),
    });
    const bySort = await listCustomers({ ctx: salon.ctx, input: { sort: "appointments", now: NOW } });
    expect(bySort.rows[0]!.id).toBe(kruger.id);

    // The same forgiving search serves the /appointments and /calls search boxes.
    const appointments = async (q: string) =>
      (
        await listAppointments({
          ctx: salon.ctx,
          input: appointmentListQuery.parse({ from: "", q }),
          today: "2027-03-15",
        })
      ).rows.map((r) => r.id);
    expect(await appointments("KRUEGER")).toEqual([past.id, missed.id, next.id]);
    expect(await appointments("0049 151 2345678")).toEqual([past.id, missed.id, next.id]);
    expect(await appointments("Krugr")).toEqual([past.id, missed.id, next.id]);
    expect(await appointments("Schulz")).toEqual([]);
  });

  it("finds calls by the customer's forgiving name or by the calling number in any format", async () => {
    const linked = await callFrom(salon.company, { customerId: jose.id, fromNumber: "+4917099887766" });
    const unlinked = await callFrom(salon.company, {
      fromNumber: "+4917099887766",
      startedAt: berlin("2027-03-11", "9:00"),
    });
    const stranger = await callFrom(salon.company, { fromNumber: "+4989111222" });
    await callFrom(other.company, { fromNumber: "+4917099887766" });
    const calls = async (q: string) =>
      (await listCalls({ ctx: salon.ctx, input: callListQuery.parse({ q }) })).rows.map((r) => r.id);
    expect(await calls("jose")).toEqual([linked.id]);
    expect(await calls("Alvarz")).toEqual([linked.id]);
    expect(await calls("0170 99887766")).toEqual([unlinked.id, linked.id]);
    expect(await calls("+49 170 998 877 66")).toEqual([unlinked.id, linked.id]);
    expect(await calls("089 111222")).toEqual([stranger.id]);
  });
});
