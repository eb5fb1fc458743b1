import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { AGENT_PROOF_MINUTES, recordAgentSighting, updateRetell } from "@/lib/companies/update-retell";
import { getDb } from "@/lib/db/client";
import { companies, retellAgentSightings } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { ctxFor, makeCompany } from "../../support/factories";
import { callFunction, newCallId } from "../../support/retell";

const NOW = new Date("2031-03-04T12:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const agentOf = async (id: string) =>
  (await getDb().select({ a: companies.retellAgentId }).from(companies).where(eq(companies.id, id)))[0]!.a;

async function refused(save: () => Promise<unknown>, code: string, text: string) {
  const error = await save().then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error) && error.code === code, `expected ${code}, got ${String(error)}`).toBe(true);
  expect((error as Error).message).toContain(text);
}

describe("a Retell agent id is taken only by the salon that controls the agent", () => {
  it("without a signed test call of that agent, the id is refused in German and nothing changes", async () => {
    const company = await makeCompany({ retellAgentId: null });
    await refused(
      () => updateRetell({ ctx: ctxFor(company), input: { retellAgentId: "agent_someone_else" }, now: NOW }),
      "VALIDATION",
      "Testanruf",
    );
    expect(await agentOf(company.id)).toBeNull();
  });

  it(`a test call counts for ${AGENT_PROOF_MINUTES} minutes`, async () => {
    const company = await makeCompany({ retellAgentId: null });
    await recordAgentSighting(getDb(), "agent_old_call", "call_1", minutesAgo(AGENT_PROOF_MINUTES + 1));
    await refused(
      () => updateRetell({ ctx: ctxFor(company), input: { retellAgentId: "agent_old_call" }, now: NOW }),
      "VALIDATION",
      "Testanruf",
    );
    await recordAgentSighting(getDb(), "agent_fresh_call", "call_2", minutesAgo(3));
    await updateRetell({ ctx: ctxFor(company), input: { retellAgentId: "agent_fresh_call" }, now: NOW });
    expect(await agentOf(company.id)).toBe("agent_fresh_call");
  });

  it("a signed call of an agent no salon holds is recorded as that proof; it reaches no salon", async () => {
    const agent = `agent_unclaimed_${newCallId().slice(-8)}`;
    const result = await callFunction("list_services", {}, { call_id: newCallId(), agent_id: agent });
    expect(result.status).toBe(404);
    const [seen] = await getDb().select().from(retellAgentSightings).where(eq(retellAgentSightings.agentId, agent));
    expect(seen).toBeDefined();
    const company = await makeCompany({ retellAgentId: null });
    await updateRetell({ ctx: ctxFor(company), input: { retellAgentId: agent } });
    expect(await agentOf(company.id)).toBe(agent);
  });

  it("an id another salon has held is never given to a second one, even after the first let it go", async () => {
    const first = await makeCompany({ retellAgentId: "agent_released" });
    await updateRetell({ ctx: ctxFor(first), input: { retellAgentId: "" }, now: NOW });
    expect(await agentOf(first.id)).toBeNull();
    const second = await makeCompany({ retellAgentId: null });
    await recordAgentSighting(getDb(), "agent_released", "call_3", minutesAgo(1));
    await refused(
      () => updateRetell({ ctx: ctxFor(second), input: { retellAgentId: "agent_released" }, now: NOW }),
      "CONFLICT",
      "anderen Salon",
    );
    // Not even a direct write gets past the database.
    const direct = await getDb()
      .update(companies)
      .set({ retellAgentId: "agent_released" })
      .where(eq(companies.id, second.id))
      .catch((e: unknown) => e);
    expect(String((direct as { cause?: unknown }).cause ?? direct)).toContain("belongs to another company");
    expect(await agentOf(second.id)).toBeNull();
    // The salon that held it takes it back without a new test call.
    await updateRetell({ ctx: ctxFor(first), input: { retellAgentId: "agent_released" }, now: NOW });
    expect(await agentOf(first.id)).toBe("agent_released");
  });
});
