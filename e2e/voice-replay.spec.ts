import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { replay, scenarioSchema } from "../scripts/lib/replay";
import { callStartInWeek, WEEKS } from "./slots";

// The shipped replay scenarios, played against the running production build like Retell would.
// Each call "starts" on a Monday morning of its own week after the demo data, so its spoken dates
// ("nächsten Mittwoch") mean the same weekday offsets on any day the suite runs.
const dir = path.join(import.meta.dirname, "..", "scenarios");
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort();

files.forEach((file, index) => {
  test(`Replay ${file}`, async ({ baseURL }) => {
    test.setTimeout(90_000);
    const scenario = scenarioSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")));
    const start = callStartInWeek(WEEKS.voiceReplay + 3 * index).toISOString();
    const lines: string[] = [];
    const result = await replay(
      { ...scenario, start },
      { baseUrl: baseURL!, apiKey: process.env.RETELL_API_KEY!, log: (l) => lines.push(l) },
    );
    expect(result.failures, lines.join("\n")).toEqual([]);
  });
});
