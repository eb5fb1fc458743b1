import http from "node:http";
import type { AddressInfo } from "node:net";
import { POST } from "@/app/api/calcom/webhook/route";
import { resetEnvCache } from "@/lib/env";

/**
 * SlotDesk's Cal.com webhook route behind a real HTTP port, and APP_URL pointed at it: webhooks that
 * provisioning registers in the simulator are delivered here and handled by the app's own route.
 * `close()` restores APP_URL.
 */
export async function startWebhookReceiver() {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = req.headers as Record<string, string>;
    const request = new Request(`http://localhost${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) });
    const response = await POST(request);
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const appUrl = process.env.APP_URL;
  process.env.APP_URL = base;
  resetEnvCache();
  return {
    base,
    urlFor: (companyId: string) => `${base}/api/calcom/webhook?company=${companyId}`,
    close: async () => {
      if (appUrl === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = appUrl;
      resetEnvCache();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
