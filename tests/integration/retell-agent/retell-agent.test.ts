import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { findCompanyByAgentId } from "@/lib/companies";
import { getDb } from "@/lib/db/client";
import { companies } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { applyRetellAgent } from "@/lib/voice";
import { FUNCTION_NAMES, type FunctionName } from "@/lib/voice/envelope";
import { bookAppointmentArgs } from "@/lib/voice/functions/book-appointment";
import { cancelAppointmentArgs } from "@/lib/voice/functions/cancel-appointment";
import { checkAvailabilityArgs } from "@/lib/voice/functions/check-availability";
import { customerAppointmentsArgs } from "@/lib/voice/functions/customer-appointments";
import { rescheduleAppointmentArgs } from "@/lib/voice/functions/reschedule-appointment";
import { ctxFor, makeCompany } from "../../support/factories";
import { callFunction, newCallId } from "../../support/retell";
import { agentCreateBody, llmBody } from "./retell-api-shapes";
import { startRetellStandIn } from "./retell-stand-in";

// The schemas each function validates its args with; functions without args take none.
const ROUTE_ARGS: Record<FunctionName, z.ZodObject> = {
  get_current_time: z.object({}),
  list_services: z.object({}),
  check_availability: checkAvailabilityArgs,
  book_appointment: bookAppointmentArgs,
  cancel_appointment: cancelAppointmentArgs,
  reschedule_appointment: rescheduleAppointmentArgs,
  get_customer_appointments: customerAppointmentsArgs,
};

const rowOf = async (id: string) => (await getDb().select().from(companies).where(eq(companies.id, id)))[0]!;

describe("retell:agent -- --print", () => {
  it("prints an LLM and an agent Retell accepts, with one tool per route function generated from its schema", async () => {
    const { stdout } = await promisify(execFile)(
      "npx",
      ["tsx", "--conditions=react-server", "scripts/retell-agent.ts", "--print", "--salon", "Salon Sonne"],
      { env: { ...process.env, APP_URL: "https://salon.example.de/" }, timeout: 60_000 },
    );
    const printed = JSON.parse(stdout);
    const llm = llmBody.parse(printed.create_retell_llm);
    const agent = agentCreateBody.parse(printed.create_agent);

    const tools = llm.general_tools ?? [];
    expect(tools.map((t) => t.name).sort()).toEqual([...FUNCTION_NAMES].sort());
    for (const tool of tools) {
      const generated = z.toJSONSchema(ROUTE_ARGS[tool.name as FunctionName], { io: "input" });
      expect(tool.parameters?.properties, tool.name).toEqual(generated.properties ?? {});
      expect(tool.parameters?.required, tool.name).toEqual(generated.required);
      expect(tool.url).toBe("https://salon.example.de/api/retell/function");
      expect(tool.description).toMatch(/[a-zäöü]/);
    }
    const book = tools.find((t) => t.name === "book_appointment")!.parameters!.properties;
    expect(String(book.date?.description)).toContain("nächsten Dienstag");
    expect(String(book.time?.description)).toContain("halb elf");

    expect(llm.general_prompt).toContain("booked: true");
    for (const error of ["invalid_date", "ambiguous", "slot_taken"]) expect(llm.general_prompt).toContain(`"${error}"`);
    expect(llm.default_dynamic_variables).toEqual({ salon_name: "Salon Sonne" });
    expect(agent).toMatchObject({
      language: "de-DE",
      webhook_url: "https://salon.example.de/api/retell/webhook",
      response_engine: { type: "retell-llm" },
    });
  });

  it("keeps the functions' validation as it was: the descriptions add text, nothing else", () => {
    expect(checkAvailabilityArgs.parse({ service: " Dauerwelle ", date: "  ", time: 10, staff: {} })).toEqual({
      service: "Dauerwelle",
      date: undefined,
      time: "10",
      staff: undefined,
    });
    expect(cancelAppointmentArgs.parse({ appointment_id: "Nr. 42" }).appointment_id).toBe(42);
  });
});

describe("retell:agent -- --apply against a Retell stand-in", () => {
  const key = "key_stand_in_retell";
  let standIn: Awaited<ReturnType<typeof startRetellStandIn>>;
  const saved = { ...process.env };

  beforeAll(async () => {
    standIn = await startRetellStandIn(key);
    process.env.RETELL_API_BASE_URL = standIn.url;
    process.env.RETELL_API_KEY = key;
    process.env.APP_URL = "https://salon.example.de";
    resetEnvCache();
  });
  afterAll(async () => {
    process.env = { ...saved };
    resetEnvCache();
    await standIn.close();
  });

  it("creates the LLM and the agent, stores both ids, and updates them on the second run", async () => {
    const company = await makeCompany({ name: "Salon Sonne", retellAgentId: null });
    const first = await applyRetellAgent({ ctx: ctxFor(company), input: {} });
    expect(first).toMatchObject({ llmCreated: true, agentCreated: true });
    expect(standIn.rejected).toEqual([]);
    expect(await rowOf(company.id)).toMatchObject({ retellLlmId: first.llmId, retellAgentId: first.agentId });
    expect(standIn.agents.get(first.agentId)).toMatchObject({
      response_engine: { type: "retell-llm", llm_id: first.llmId },
      webhook_url: "https://salon.example.de/api/retell/webhook",
      language: "de-DE",
    });

    const second = await applyRetellAgent({
      ctx: ctxFor(await rowOf(company.id)),
      input: { voiceId: "11labs-Carola" },
    });
    expect(second).toEqual({ llmId: first.llmId, agentId: first.agentId, llmCreated: false, agentCreated: false });
    expect(standIn.received.map((r) => `${r.method} ${r.path.replace(/_[0-9a-f]+$/, "_…")}`)).toEqual([
      "POST /create-retell-llm",
      "POST /create-agent",
      "PATCH /update-retell-llm/llm_…",
      "PATCH /update-agent/agent_…",
    ]);
    expect([standIn.llms.size, standIn.agents.size]).toEqual([1, 1]);
    expect(standIn.agents.get(first.agentId)).toMatchObject({ voice_id: "11labs-Carola" });
    expect(await rowOf(company.id)).toMatchObject({ retellLlmId: first.llmId, retellAgentId: first.agentId });

    // The route finds the salon by the stored agent id and accepts calls signed with the same key.
    expect((await findCompanyByAgentId(getDb(), first.agentId))?.id).toBe(company.id);
    const answer = await callFunction("get_current_time", {}, { call_id: newCallId(), agent_id: first.agentId });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true });
  });

  it("a key Retell refuses gives a German error and stores nothing", async () => {
    const company = await makeCompany({ name: "Salon Mond", retellAgentId: null });
    const before = standIn.llms.size;
    process.env.RETELL_API_KEY = "key_wrong";
    resetEnvCache();
    try {
      const error = await applyRetellAgent({ ctx: ctxFor(company), input: {} }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isAppError(error) && error.code).toBe("UNAUTHENTICATED");
      expect((error as Error).message).toContain("Retell hat den API-Schlüssel abgelehnt");
      expect((error as Error).message).not.toContain("key_wrong");
    } finally {
      process.env.RETELL_API_KEY = key;
      resetEnvCache();
    }
    expect(await rowOf(company.id)).toMatchObject({ retellLlmId: null, retellAgentId: null });
    expect(standIn.llms.size).toBe(before);
  });
});
