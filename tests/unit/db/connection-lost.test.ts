import { describe, expect, it } from "vitest";
import { isConnectionLost } from "@/lib/db/connection-lost";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isConnectionLost", () => {
  it.each([
    ["a socket reset", withCode("ECONNRESET", "read ECONNRESET")],
    ["a refused connection", withCode("ECONNREFUSED")],
    ["postgres.js after a close", withCode("CONNECTION_CLOSED")],
    ["an administrator's shutdown (57P01)", withCode("57P01", "terminating connection due to administrator command")],
    ["a server starting up (57P03)", withCode("57P03", "the database system is starting up")],
    ["connection exception class 08", withCode("08006")],
    ["node-postgres after the server went", new Error("Connection terminated unexpectedly")],
    [
      "drizzle's wrapper around a reset",
      Object.assign(new Error("Failed query: select 1"), { cause: withCode("ECONNRESET") }),
    ],
  ])("%s counts as a lost connection", (_, error) => {
    expect(isConnectionLost(error)).toBe(true);
  });

  it.each([
    ["a unique violation", withCode("23505")],
    ["a statement timeout", withCode("57014")],
    ["a lock timeout", withCode("55P03")],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["nothing", undefined],
  ])("%s does not", (_, error) => {
    expect(isConnectionLost(error)).toBe(false);
  });
});
