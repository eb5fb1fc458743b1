import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/**
 * Where a salon may point SlotDesk's Cal.com requests. The URL is typed by a tenant admin and the
 * requests carry that tenant's API key, so it must never reach the machine's own services or the
 * private network (server-side request forgery): https only, no user info, no query or fragment, and
 * a host that is — and resolves to — a public address. `allowPrivate` is the explicit development
 * setting CALCOM_ALLOW_PRIVATE_URLS (the bundled simulator on 127.0.0.1); it also allows http.
 */
export const CALCOM_URL_MESSAGE =
  "API-URL: Bitte geben Sie die https-Adresse Ihrer Cal.com-API an, z. B. https://api.cal.com/v2 " +
  "(ohne Benutzername, ohne ? oder #; interne Adressen sind nicht erlaubt).";

export const CALCOM_URL_BLOCKED =
  "Die Cal.com-API-URL zeigt auf eine interne Adresse. SlotDesk sendet dorthin keine Anfragen – bitte in den " +
  "Einstellungen die öffentliche Adresse Ihrer Cal.com-API eintragen.";

const internal = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  internal.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 127], // unspecified and loopback
  ["64:ff9b::", 96], // NAT64 onto IPv4
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7], // unique local, incl. fd00:ec2::254 (cloud metadata)
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  internal.addSubnet(network, prefix, "ipv6");
}

/** True for an address SlotDesk must not send a tenant's requests to (IPv4-mapped IPv6 included). */
export function isInternalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const mapped = bare.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  if (mapped) return internal.check(mapped[1]!, "ipv4");
  const family = isIP(bare);
  if (family === 4) return internal.check(bare, "ipv4");
  if (family === 6) return /^::ffff:/i.test(bare) || internal.check(bare, "ipv6");
  return true;
}

/** Host names that only mean something inside a network: never a salon's Cal.com. */
const INTERNAL_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home|corp|localdomain)$/i;

/**
 * The stored form of a Cal.com API URL (no trailing slash), or null with the German reason when it is
 * not one SlotDesk may call. Checks what the text alone can tell; `assertPublicHost` resolves the name.
 */
export function normaliseCalcomUrl(
  value: string,
  { allowPrivate }: { allowPrivate: boolean },
): { ok: true; url: string } | { ok: false; message: string } {
  const refused = { ok: false as const, message: CALCOM_URL_MESSAGE };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\\s#?]/.test(value) || !URL.canParse(value)) return refused;
  const url = new URL(value);
  if (url.username || url.password || !url.hostname) return refused;
  const host = url.hostname.replace(/^\[|\]$/g, "").replace(/\.+$/, "");
  const internalHost = isIP(host) ? isInternalAddress(host) : !host.includes(".") || INTERNAL_NAME.test(host);
  if (internalHost && !allowPrivate) return refused;
  // Plain http only to the simulator on this machine or the private network, never across the internet.
  if (url.protocol !== "https:" && !(url.protocol === "http:" && internalHost)) return refused;
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, "")}` };
}

const resolved = new Map<string, { internal: boolean; until: number }>();
const RESOLVE_TTL_MS = 60_000;

/**
 * Resolves the URL's host and refuses when any of its addresses is internal (a public name pointing at
 * 127.0.0.1 or 169.254.169.254 included). Answers are kept for a minute. A name that does not resolve
 * is left to the request itself, which then fails as "nicht erreichbar".
 */
export async function hostIsInternal(url: URL, now = Date.now()): Promise<boolean> {
  const host = url.hostname.replace(/^\[|\]$/g, "").replace(/\.+$/, "");
  if (isIP(host)) return isInternalAddress(host);
  if (!host.includes(".") || INTERNAL_NAME.test(host)) return true;
  const known = resolved.get(host);
  if (known && known.until > now) return known.internal;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    return false;
  }
  const verdict = addresses.some((a) => isInternalAddress(a.address));
  resolved.set(host, { internal: verdict, until: now + RESOLVE_TTL_MS });
  return verdict;
}
