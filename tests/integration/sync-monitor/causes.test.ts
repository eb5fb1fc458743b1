import { describe, expect, it } from "vitest";
import { isStructuralCause, syncCause } from "@/lib/calcom/sync/explain";

describe("syncCause: a stored error code becomes a cause the operator can act on", () => {
  it.each([
    ["calcom_conflict", "Konflikt im Kalender", "/kalender"],
    ["calcom_managed_parent", "Event-Typ falsch zugeordnet", "/services"],
    ["calcom_event_type_missing", "Event-Typ falsch zugeordnet", "/services"],
    ["mapping_missing", "Event-Typ falsch zugeordnet", "/services"],
    ["calcom_notice", "Event-Typ falsch zugeordnet", "/services"],
    ["calcom_auth", "Zugang abgelehnt", "/settings"],
    ["calcom_not_connected", "Zugang abgelehnt", "/settings"],
    ["calcom_unreachable", "Cal.com nicht erreichbar", "/settings"],
    ["calcom_rate_limited", "Rate-Limit", null],
    ["calcom_attendee", "Kundendaten abgelehnt", "/kunden"],
    ["calcom_missing", "Buchung fehlt in Cal.com", "/sync#pruefliste"],
    ["calcom_stale", "Buchung fehlt in Cal.com", "/sync#pruefliste"],
    ["calcom_rejected", "Sonstiges", null],
    ["sync_error", "Sonstiges", null],
    ["something_new", "Sonstiges", null],
    [null, "Sonstiges", null],
  ])("%s → %s", (code, label, href) => {
    const cause = syncCause(code);
    expect(cause.label).toBe(label);
    expect(cause.link?.href ?? null).toBe(href);
    expect(cause.todo).toMatch(/\.$/);
    expect(cause.todo).not.toMatch(/calcom_|HTTP|error/i);
  });

  it("only causes that need a change of setup are structural", () => {
    expect(["calcom_managed_parent", "mapping_missing", "calcom_auth"].every(isStructuralCause)).toBe(true);
    expect(["calcom_unreachable", "calcom_conflict", "calcom_missing", null].some(isStructuralCause)).toBe(false);
  });
});
