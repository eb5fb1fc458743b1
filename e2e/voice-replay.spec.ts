import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { replay, scenarioSchema } from "../scripts/lib/replay";

// The shipped replay scenarios, played against the running production build like Retell would.
const dir = path.join(import.meta.dirname, "..", "scenarios");

for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
  test(`Replay ${file}`, async ({ baseURL }) => {
    test.setTimeout(90_000);
    const scenario = scenarioSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")));
    const lines: string[] = [];
    const result = await replay(scenario, { baseUrl: baseURL!, apiKey: process.env.RETELL_API_KEY!, log: (l) => lines.push(l) });
    expect(result.failures, lines.join("\n")).toEqual([]);
  });
}
