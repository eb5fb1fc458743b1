import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * postgres.js 3.4.9 keeps a cancelled write timer when a connection closes, so a reconnected
 * connection never sends again (its queries wait for the connect timeout), and it can throw from
 * that timer when the socket is gone (porsager/postgres#1208) — both seen when PostgreSQL restarts
 * under load (npm run test:chaos). patches/postgres+3.4.9.patch fixes both; `npm install` applies it.
 */
describe("the patched postgres.js", () => {
  // The package's own folder, wherever npm put it (its exports do not include package.json).
  const root = path.resolve(path.dirname(createRequire(import.meta.url).resolve("postgres")), "..", "..");
  it.each(["src", "cjs/src", "cf/src"])(
    "%s/connection.js clears its write timer on close and guards the socket",
    (dir) => {
      const source = fs.readFileSync(path.join(root, dir, "connection.js"), "utf8");
      expect(source.match(/clearImmediate\(nextWriteTimer\)\n\s+chunk = nextWriteTimer = null/g)).toHaveLength(3); // nextWrite's own, closed(), terminate()
      expect(source).toContain("if (socket === null) {");
    },
  );
});
