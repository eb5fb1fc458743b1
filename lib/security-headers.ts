/**
 * The browser security headers of every response. Pages get them from proxy.ts with a policy that
 * carries the request's nonce; what proxy.ts does not see (the API, Next's assets) gets them from
 * next.config.ts with a policy that allows no inline script at all.
 */

export const isHttpsUrl = (url: string | undefined) => Boolean(url?.startsWith("https:"));

/** Everything but the Content-Security-Policy; HSTS only when the app is served over HTTPS. */
export function securityHeaders(appUrl: string | undefined): Record<string, string> {
  return {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(isHttpsUrl(appUrl) ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

type PolicyOptions = { nonce?: string; development: boolean; https: boolean };

/**
 * With a nonce only scripts carrying it (Next.js adds it to its own) and what they load run. Styles
 * may be inline: the app uses style attributes and the calendar's <style> element. React's
 * development build needs eval for its error overlay.
 */
export function contentSecurityPolicy({ nonce, development, https }: PolicyOptions): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** A fresh, unguessable nonce for one response (128 bits). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
