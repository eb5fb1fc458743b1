/**
 * The client's address as the reverse proxy in front of the web app reports it: the first hop of
 * x-forwarded-for, else x-real-ip. Only as trustworthy as that proxy, which must overwrite both
 * headers; without it a client can claim any address (the per-account brake still holds).
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || headers.get("x-real-ip")?.trim();
  // Bounded: the value becomes a key in login_throttles.
  return address ? address.toLowerCase().slice(0, 100) : "unknown";
}
