import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { z } from "zod";
import { agentCreateBody, agentUpdateBody, llmBody } from "./retell-api-shapes";

export type Received = { method: string; path: string; body: unknown };

/**
 * Retell's four endpoints that `retell:agent -- --apply` uses, on 127.0.0.1: bearer key checked (401 otherwise),
 * bodies checked against the SDK's parameter types (400 with the issues otherwise), resources kept in memory.
 */
export async function startRetellStandIn(apiKey: string) {
  const llms = new Map<string, Record<string, unknown>>();
  const agents = new Map<string, Record<string, unknown>>();
  const received: Received[] = [];
  const rejected: { path: string; issues: unknown }[] = [];

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${apiKey}`) return send(401, { error_message: "Invalid API key" });
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    } catch {
      return send(400, { error_message: "Body is not JSON" });
    }
    received.push({ method: req.method ?? "", path, body });
    const valid = <S extends z.ZodType>(schema: S): z.infer<S> | null => {
      const parsed = schema.safeParse(body);
      if (parsed.success) return parsed.data;
      rejected.push({ path, issues: parsed.error.issues });
      send(400, { error_message: "Invalid request body", issues: parsed.error.issues });
      return null;
    };
    const now = Date.now();
    const [, action, id] = path.split("/");

    if (req.method === "POST" && action === "create-retell-llm") {
      const data = valid(llmBody);
      if (!data) return;
      const llm = {
        ...data,
        llm_id: `llm_${randomBytes(12).toString("hex")}`,
        version: 0,
        last_modification_timestamp: now,
      };
      llms.set(llm.llm_id, llm);
      return send(201, llm);
    }
    if (req.method === "PATCH" && action === "update-retell-llm" && id) {
      if (!llms.has(id)) return send(404, { error_message: "LLM not found" });
      const data = valid(llmBody);
      if (!data) return;
      llms.set(id, { ...llms.get(id), ...data, last_modification_timestamp: now });
      return send(200, llms.get(id));
    }
    if (req.method === "POST" && action === "create-agent") {
      const data = valid(agentCreateBody);
      if (!data) return;
      if (!llms.has(data.response_engine.llm_id)) return send(400, { error_message: "Unknown llm_id" });
      const agent = { ...data, agent_id: `agent_${randomBytes(12).toString("hex")}`, last_modification_timestamp: now };
      agents.set(agent.agent_id, agent);
      return send(201, agent);
    }
    if (req.method === "PATCH" && action === "update-agent" && id) {
      if (!agents.has(id)) return send(404, { error_message: "Agent not found" });
      const data = valid(agentUpdateBody);
      if (!data) return;
      if (data.response_engine && !llms.has(data.response_engine.llm_id)) {
        return send(400, { error_message: "Unknown llm_id" });
      }
      agents.set(id, { ...agents.get(id), ...data, last_modification_timestamp: now });
      return send(200, agents.get(id));
    }
    send(404, { error_message: `No route ${req.method} ${path}` });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    llms,
    agents,
    received,
    rejected,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
