import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { encryptSecret } from "@/lib/crypto/secrets";
import { getDb } from "@/lib/db/client";
import { calcomChecks, companies } from "@/lib/db/schema";
import { applyWebhooks, planWebhooks } from "@/lib/calcom/provisioning/provision-webhooks";
import { runCalcomCheck } from "@/lib/calcom/sync/go-live-check";
import { calcomSalon, refreshCtx, startSim, withoutPacing } from "../../support/calcom";

const NOW = new Date("2031-02-27T12:00:00Z");
withoutPacing();
let sim: CalcomSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.stop());

describe("go-live check against a Cal.com (here the simulator)", () => {
  it("authenticates, reads team and mappings, books phone-only, lists, moves by less than the length, cancels — and leaves nothing", async () => {
    const salon = await calcomSalon(sim);
    const missing = await runCalcomCheck({ ctx: salon.ctx, input: { now: NOW } });
    expect(missing.steps[3]).toMatchObject({ step: "Webhooks", ok: false });
    expect(missing.steps[3]!.detail).toContain("Webhooks einrichten");
    await applyWebhooks({ ctx: salon.ctx, plan: await planWebhooks({ ctx: salon.ctx }) });
    const result = await runCalcomCheck({ ctx: salon.ctx, input: { now: NOW } });
    expect(result.steps.map((s) => [s.step, s.ok])).toEqual([
      ["Verbindung und API-Schlüssel", true],
      ["Team", true],
      ["Event-Typen und Zuordnungen", true],
      ["Webhooks", true],
      ["Testbuchung nur mit Telefonnummer", true],
      ["Buchung in der Liste finden", true],
      ["Verschieben um weniger als die Dauer", true],
      ["Stornieren", true],
      ["Aufräumen", true],
    ]);
    expect(result.ok).toBe(true);
    expect(result.steps[6]!.detail).toMatch(/Verschoben um \d+ Minuten auf .*Länge \d+ Minuten erhalten/);
    const left = sim.state.listBookings({ apiKey: salon.apiKey }).filter((b) => b.status === "accepted");
    expect(left).toEqual([]);
    const tests = sim.state.listBookings({ apiKey: salon.apiKey });
    expect(tests.length).toBeGreaterThanOrEqual(2);
    expect(tests.every((b) => b.attendees[0]!.email!.endsWith(".invalid") && b.attendees[0]!.phoneNumber)).toBe(true);
    const [stored] = await getDb()
      .select()
      .from(calcomChecks)
      .where(eq(calcomChecks.companyId, salon.company.id))
      .orderBy(desc(calcomChecks.startedAt));
    expect(stored).toMatchObject({ ok: true });
    expect(stored!.steps).toHaveLength(9);
  });

  it("a wrong API key stops at the first step in German and books nothing", async () => {
    const salon = await calcomSalon(sim);
    await getDb()
      .update(companies)
      .set({ calcomApiKeyEncrypted: encryptSecret("cal_live_falsch") })
      .where(eq(companies.id, salon.company.id));
    const result = await runCalcomCheck({ ctx: await refreshCtx(salon.company), input: { now: NOW } });
    expect(result.ok).toBe(false);
    expect(result.steps[0]).toEqual({
      step: "Verbindung und API-Schlüssel",
      ok: false,
      detail: "Cal.com hat den API-Schlüssel abgelehnt. Bitte den Schlüssel in den Einstellungen prüfen.",
    });
    expect(result.steps.slice(1, 8).every((s) => !s.ok && s.detail.startsWith("Übersprungen"))).toBe(true);
    expect(sim.state.listBookings({ apiKey: salon.apiKey })).toEqual([]);
  });
});
