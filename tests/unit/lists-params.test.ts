import { describe, expect, it } from "vitest";
import { appointmentListQuery } from "@/lib/appointments/list-appointments";
import { callListQuery } from "@/lib/calls/list-calls";
import { isCalendarDate, parseListParams } from "@/lib/lists/params";
import { countDe } from "@/lib/time/format-de";

describe("list parameters a person typed into the address bar", () => {
  it("knows real calendar dates", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    for (const bad of ["2026-13-45", "2027-02-29", "2027-04-31", "9999-01-01", "27-01-01", "heute"])
      expect(isCalendarDate(bad)).toBe(false);
  });

  it("ignores an impossible date with a German note instead of failing the page", () => {
    const appointments = parseListParams(appointmentListQuery, { from: "2026-13-45", to: "2027-02-30", q: "Weber" });
    expect(appointments.query).toMatchObject({ q: "Weber" });
    expect(appointments.query.from).toBeUndefined();
    expect(appointments.query.to).toBeUndefined();
    expect(appointments.problems).toEqual([
      "Ungültiger Filter „from“ wurde ignoriert.",
      "Ungültiger Filter „to“ wurde ignoriert.",
    ]);
    // The form's "Alle" (empty) stays a valid choice: no lower bound.
    expect(parseListParams(appointmentListQuery, { from: "" }).query.from).toBe("");
    expect(parseListParams(callListQuery, { from: "2026-13-45" }).problems).toHaveLength(1);
  });
});

describe("German counts", () => {
  it("says one in the singular and everything else in the plural", () => {
    expect(countDe(1, "Termin wartet", "Termine warten")).toBe("1 Termin wartet");
    expect(countDe(0, "Termin", "Termine")).toBe("0 Termine");
    expect(countDe(3, "Einwirkzeit", "Einwirkzeiten")).toBe("3 Einwirkzeiten");
  });
});
