import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prepareEnvFile } from "../../../scripts/lib/env-file";

const EXAMPLE = fs.readFileSync(path.resolve(import.meta.dirname, "../../../.env.example"), "utf8");
const TOKEN_LINE = /^METRICS_TOKEN=(.*)$/m;

let root: string;
const savedToken = process.env.METRICS_TOKEN;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "slotdesk-env-"));
  fs.writeFileSync(path.join(root, ".env.example"), EXAMPLE);
  delete process.env.METRICS_TOKEN;
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
  if (savedToken === undefined) delete process.env.METRICS_TOKEN;
  else process.env.METRICS_TOKEN = savedToken;
});

const envText = () => fs.readFileSync(path.join(root, ".env"), "utf8");
const tokenOf = (text: string) => TOKEN_LINE.exec(text)?.[1];

describe("the first run's .env", () => {
  it("is .env.example with a random METRICS_TOKEN filled in", () => {
    expect(tokenOf(EXAMPLE)).toBe(""); // the shipped file has none
    expect(prepareEnvFile(root)).toBe("created");
    const text = envText();
    expect(tokenOf(text)).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(text.replace(TOKEN_LINE, "METRICS_TOKEN=")).toBe(EXAMPLE);
    expect(fs.statSync(path.join(root, ".env")).mode & 0o077).toBe(0);

    const other = fs.mkdtempSync(path.join(os.tmpdir(), "slotdesk-env-"));
    fs.writeFileSync(path.join(other, ".env.example"), EXAMPLE);
    prepareEnvFile(other);
    expect(tokenOf(fs.readFileSync(path.join(other, ".env"), "utf8"))).not.toBe(tokenOf(text));
    fs.rmSync(other, { recursive: true, force: true });
  });

  it("is left alone on later runs", () => {
    prepareEnvFile(root);
    const first = envText();
    expect(prepareEnvFile(root)).toBe("unchanged");
    expect(envText()).toBe(first);
  });

  it("an older .env without a token gets one, unless the environment sets METRICS_TOKEN", () => {
    fs.writeFileSync(path.join(root, ".env"), "APP_URL=http://localhost:3000\nMETRICS_TOKEN=\nLOG_LEVEL=info\n");
    process.env.METRICS_TOKEN = "from-the-process-manager";
    expect(prepareEnvFile(root)).toBe("unchanged");
    expect(tokenOf(envText())).toBe("");

    delete process.env.METRICS_TOKEN;
    expect(prepareEnvFile(root)).toBe("token-added");
    expect(tokenOf(envText())).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(envText()).toMatch(/^APP_URL=http:\/\/localhost:3000\nMETRICS_TOKEN=\S+\nLOG_LEVEL=info\n$/);

    fs.writeFileSync(path.join(root, ".env"), "APP_URL=http://localhost:3000");
    expect(prepareEnvFile(root)).toBe("token-added");
    expect(envText()).toMatch(/^APP_URL=http:\/\/localhost:3000\nMETRICS_TOKEN=[A-Za-z0-9_-]{32}\n$/);
  });
});
