import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { encryptSecret } from "@/lib/crypto";
import { calcomChecks, calcomEventMap, companies, functionCalls, getDb, staffServices, users } from "@/lib/db";
import { getSetupChecklist, openSteps, type SetupStep } from "@/lib/setup";
import { ctxFor, makeCall, makeCompany, makeSalon, makeStaff } from "../../support/factories";

const byKey = (steps: SetupStep[]) => Object.fromEntries(steps.map((s) => [s.key, s]));

async function addAdmin(companyId: string, email: string) {
  await getDb().insert(users).values({ id: randomUUID(), name: email, email, companyId });
}

/** A salon set up completely: data, hours, staff, services, every mapping, a passed check, a call, two admins. */
async function readySalon() {
  const salon = await makeSalon();
  const db = getDb();
  const [company] = await db
    .update(companies)
    .set({
      address: "Kastanienallee 12, 10435 Berlin",
      state: "BE",
      calcomApiBaseUrl: "https://cal.example.de/v2",
      calcomApiKeyEncrypted: encryptSecret("cal_live_test"),
    })
    .where(eq(companies.id, salon.company.id))
    .returning();
  if (!company) throw new Error("salon vanished");
  let eventTypeId = 5000;
  const rows = [
    ...["A", "B", "C", "D"].map((key) => ({ serviceId: salon.perm.id, key })),
    ...["A", "B", "C", "D"].map((key) => ({ serviceId: salon.colour.id, key })),
    { serviceId: salon.cut.id, key: "A" },
  ].flatMap(({ serviceId, key }) =>
    [salon.anna.id, salon.ben.id].map((staffId) => ({
      companyId: company.id,
      serviceId,
      segmentKey: key,
      staffId,
      eventTypeId: eventTypeId++,
    })),
  );
  await db.insert(calcomEventMap).values(rows);
  await db.insert(calcomChecks).values({
    companyId: company.id,
    ok: true,
    steps: [
      { step: "Verbindung und API-Schlüssel", ok: true, detail: "Angemeldet." },
      { step: "Webhooks", ok: true, detail: "Alle 18 Event-Typen melden Änderungen an SlotDesk." },
    ],
    startedAt: new Date("2026-11-30T09:00:00Z"),
    durationMs: 4200,
  });
  const call = await makeCall(company);
  await db.insert(functionCalls).values({
    companyId: company.id,
    callId: call.id,
    name: "check_availability",
    args: {},
    result: {},
    latencyMs: 12,
    createdAt: new Date("2026-11-30T10:15:00Z"),
  });
  await addAdmin(company.id, `inhaberin-${company.id}@salon.de`);
  await addAdmin(company.id, `vertretung-${company.id}@salon.de`);
  return { ...salon, company, ctx: ctxFor(company), mappings: rows.length };
}

describe("go-live checklist", () => {
  let ready: Awaited<ReturnType<typeof readySalon>>;
  beforeAll(async () => {
    ready = await readySalon();
  });

  it("a new salon starts with every step open, each linking to where it is fixed", async () => {
    const company = await makeCompany({ openingHours: {}, retellAgentId: null });
    const steps = await getSetupChecklist({ ctx: ctxFor(company) });
    expect(steps.map((s) => [s.key, s.done])).toEqual([
      ["salon", false],
      ["hours", false],
      ["staff", false],
      ["services", false],
      ["mappings", false],
      ["calcom", false],
      ["webhook", false],
      ["retell", false],
      ["second-admin", false],
    ]);
    expect(openSteps(steps)).toBe(8);
    const step = byKey(steps);
    expect(step.salon!.detail).toBe("Es fehlt noch: Adresse und Bundesland.");
    expect(step.hours!.detail).toContain("Noch keine Öffnungszeiten");
    expect(step.retell!.detail).toBe("Noch kein Retell-Agent hinterlegt.");
    expect(steps.every((s) => s.href.startsWith("/"))).toBe(true);
  });

  it("a salon that did everything shows every step done", async () => {
    const steps = await getSetupChecklist({ ctx: ready.ctx });
    expect(steps.filter((s) => !s.done).map((s) => s.key)).toEqual([]);
    expect(openSteps(steps)).toBe(0);
    const step = byKey(steps);
    expect(step.mappings!.detail).toBe(
      `Alle ${ready.mappings} Zuordnungen von Segment und Mitarbeiter haben ihren Cal.com-Event-Typ.`,
    );
    expect(step.calcom!.detail).toBe("Letzte Go-Live-Prüfung am 30.11.2026, 10:00: bestanden.");
    expect(step.retell!.detail).toContain("letzter Funktionsaufruf am 30.11.2026, 11:15");
    expect(step.webhook!.detail).toContain("Noch keine Zustellung empfangen.");
  });

  it("a stylist without an event type for one segment reopens the mapping step with the count", async () => {
    const newcomer = await makeStaff(ready.company, { name: "Clara Neu" });
    await getDb()
      .insert(staffServices)
      .values({ companyId: ready.company.id, staffId: newcomer.id, serviceId: ready.cut.id });
    const step = byKey(await getSetupChecklist({ ctx: ready.ctx }));
    expect(step.mappings!.done).toBe(false);
    expect(step.mappings!.detail).toBe(
      `Für 1 von ${ready.mappings + 1} Zuordnungen von Segment und Mitarbeiter fehlt der Cal.com-Event-Typ – unter Leistungen provisionieren.`,
    );
  });

  it("only the salon's own data counts", async () => {
    const other = await makeCompany({ openingHours: {}, retellAgentId: null });
    const steps = await getSetupChecklist({ ctx: ctxFor(other) });
    expect(steps.filter((s) => s.done)).toEqual([]);
  });
});
