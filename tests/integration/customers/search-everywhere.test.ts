import { describe, expect, it } from "vitest";
import { searchEverywhere } from "@/lib/search/search-everywhere";
import { makeSalon } from "../../support/factories";
import { useServerClock } from "../../support/clock";
import { NOW, berlin, book, callFrom, makeCustomer } from "./fixtures";

useServerClock(NOW);

describe("one search box for customers, appointments and calls", async () => {
  const salon = await makeSalon();
  const other = await makeSalon();
  const who = { name: "Jürgen Weiß", phone: "0171 5550001" };
  const past = await book(salon, who, berlin("2027-03-08", "10:00"));
  const soon = await book(salon, who, berlin("2027-03-16", "10:00"));
  const later = await book(salon, who, berlin("2027-03-30", "10:00"));
  const id = past.customerId;
  const call = await callFrom(salon.company, { customerId: id, fromNumber: "+491715550001" });
  const anonymous = await callFrom(salon.company, {
    fromNumber: "+491715550001",
    startedAt: berlin("2027-03-12", "9:00"),
  });
  await makeCustomer(other.company, { name: "Jürgen Weiß", phone: "+491715550001" });
  await callFrom(other.company, { fromNumber: "+491715550001" });
  const search = (q: string) => searchEverywhere({ ctx: salon.ctx, input: { q, now: NOW } });

  it.each(["juergen weiss", "Weiß", "Jurgn", "0171 5550001", "+49 171 555 0001", "0049 1715550001"])(
    "„%s“ finds the customer, the appointments (upcoming first) and the calls — of this salon only",
    async (q) => {
      const found = await search(q);
      expect(found.customers.map((c) => c.id)).toEqual([id]);
      expect(found.appointments.map((a) => a.id)).toEqual([soon.id, later.id, past.id]);
      const byNumber = /\d/.test(q);
      expect(found.calls.map((c) => c.id)).toEqual(byNumber ? [anonymous.id, call.id] : [call.id]);
      expect(found.totals).toEqual({ customers: 1, appointments: 3, calls: byNumber ? 2 : 1 });
    },
  );

  it("finds nothing for an empty or unknown text", async () => {
    expect((await search("")).customers).toEqual([]);
    const none = await search("Zyxwvut");
    expect([none.customers, none.appointments, none.calls]).toEqual([[], [], []]);
  });
});
