import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CalcomClient } from "@/lib/calcom/client";
import { calcomConnectionFor } from "@/lib/calcom/config";
import { CalcomError } from "@/lib/calcom/errors";
import { CALCOM_URL_BLOCKED, hostIsInternal, isInternalAddress, normaliseCalcomUrl } from "@/lib/calcom/outbound-url";
import { updateCalcom } from "@/lib/companies/update-calcom";
import { encryptSecret } from "@/lib/crypto/secrets";
import { getDb } from "@/lib/db/client";
import { companies } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { ctxFor, makeCompany } from "../../support/factories";

/** An internal service on this machine that must never hear from a salon's settings. */
let hits = 0;
let internal: Server;
let internalUrl: string;
beforeAll(async () => {
  internal = createServer((_req, res) => {
    hits += 1;
    res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ message: `secret internal body ${"x".repeat(2000)}\r\nInjected: yes` }));
  });
  await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
  internalUrl = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => internal.close(() => resolve())));

/** Production behaviour: the development setting is off for these tests. */
const productionRules = () => {
  process.env.CALCOM_ALLOW_PRIVATE_URLS = "false";
  resetEnvCache();
};
afterEach(() => {
  process.env.CALCOM_ALLOW_PRIVATE_URLS = "true";
  resetEnvCache();
});

describe("outbound Cal.com URLs: https on a public address only", () => {
  it("tells internal addresses from public ones, IPv4-mapped IPv6 included", () => {
    for (const a of [
      "127.0.0.1",
      "127.1.2.3",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.10",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fe80::1",
      "fd00:ec2::254",
      "fc00::5",
      "::ffff:127.0.0.1",
      "::ffff:169.254.169.254",
      "224.0.0.1",
    ])
      expect(isInternalAddress(a), a).toBe(true);
    for (const a of ["104.18.12.33", "172.32.0.1", "8.8.8.8", "2606:4700::6810:1", "::ffff:8.8.8.8"])
      expect(isInternalAddress(a), a).toBe(false);
  });

  it("refuses loopback, private, link-local, metadata, internal names, http, user info, ? and #", () => {
    for (const url of [
      "http://127.0.0.1:3100/v2",
      "https://127.0.0.1/v2",
      "https://localhost/v2",
      "https://LOCALHOST./v2",
      "https://10.0.0.5/v2",
      "https://[::1]/v2",
      "https://[::ffff:7f00:1]/v2",
      "https://169.254.169.254/latest/meta-data",
      "https://metadata.google.internal/computeMetadata",
      "https://intranet/v2",
      "https://calcom.local/v2",
      "http://api.cal.com/v2",
      "https://user:pw@api.cal.com/v2",
      "https://api.cal.com/v2#/../../admin",
      "https://api.cal.com/v2?x=1",
      "https://api.cal.com/v2\t",
      "https://api.cal.com\\@127.0.0.1/v2",
      "file:///etc/passwd",
      "gopher://127.0.0.1:6379/_INFO",
    ])
      expect(normaliseCalcomUrl(url, { allowPrivate: false }).ok, url).toBe(false);
    expect(normaliseCalcomUrl("https://api.cal.com/v2/", { allowPrivate: false })).toEqual({
      ok: true,
      url: "https://api.cal.com/v2",
    });
    expect(normaliseCalcomUrl("https://cal.salon-demo.de:8443/api/v2", { allowPrivate: false }).ok).toBe(true);
  });

  it("the development setting allows the simulator on this machine, never plain http across the internet", () => {
    expect(normaliseCalcomUrl("http://127.0.0.1:3100/v2", { allowPrivate: true })).toEqual({
      ok: true,
      url: "http://127.0.0.1:3100/v2",
    });
    expect(normaliseCalcomUrl("http://api.cal.com/v2", { allowPrivate: true }).ok).toBe(false);
    expect(normaliseCalcomUrl("https://api.cal.com/v2#x", { allowPrivate: true }).ok).toBe(false);
  });

  it("saving an internal URL in the settings is refused in German and changes nothing", async () => {
    productionRules();
    const company = await makeCompany({ calcomApiBaseUrl: "https://api.cal.com/v2" });
    for (const apiBaseUrl of [internalUrl, "https://169.254.169.254/", "https://localhost:8443/v2"]) {
      const error = await updateCalcom({ ctx: ctxFor(company), input: { apiBaseUrl, teamId: null } }).catch((e) => e);
      expect(isAppError(error) && error.code === "VALIDATION", apiBaseUrl).toBe(true);
      expect((error as Error).message).toContain("interne Adressen sind nicht erlaubt");
    }
    const [row] = await getDb().select().from(companies).where(eq(companies.id, company.id));
    expect(row!.calcomApiBaseUrl).toBe("https://api.cal.com/v2");
  });

  it("a stored URL that points inside is never called: not one request, a German reason, no remote text", async () => {
    productionRules();
    const company = await makeCompany({
      calcomApiBaseUrl: `${internalUrl}/v2`,
      calcomApiKeyEncrypted: encryptSecret("cal_live_tenant_key"),
    });
    const target = calcomConnectionFor(company);
    expect(target).toMatchObject({ connected: true, publicOnly: true });
    if (!target.connected) return;
    const client = new CalcomClient({ baseUrl: target.baseUrl, apiKey: target.apiKey, publicOnly: target.publicOnly });
    hits = 0;
    const error = await client.listEventTypes().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CalcomError);
    expect((error as CalcomError).message).toBe(CALCOM_URL_BLOCKED);
    expect(hits).toBe(0);
    expect(await hostIsInternal(new URL(internalUrl))).toBe(true);
  });

  it("what a remote answers is summarised: at most 300 characters, no control characters", async () => {
    // The operator's own simulator URL is trusted, so the request goes out and the answer comes back.
    const client = new CalcomClient({ baseUrl: `${internalUrl}/v2`, apiKey: "k", publicOnly: false });
    hits = 0;
    const error = (await client.listEventTypes().catch((e: unknown) => e)) as CalcomError;
    expect(hits).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(CalcomError);
    expect(error.message.length).toBeLessThanOrEqual(320);
    expect(error.message).not.toMatch(/[\r\n]/);
  });
});
