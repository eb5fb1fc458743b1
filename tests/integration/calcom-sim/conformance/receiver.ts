import http from "node:http";
import type { AddressInfo } from "node:net";

/** A loopback webhook subscriber like the one of the recordings: answers 200 {"ok":true} and keeps what came. */

export type Delivery = { path: string; headers: http.IncomingHttpHeaders; raw: string; body: any };

export async function startReceiver() {
  const received: Delivery[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, raw, body: JSON.parse(raw) });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
