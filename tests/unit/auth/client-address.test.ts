import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";

describe("the client address the login brake counts by", () => {
  it.each([
    [{ "x-forwarded-for": "203.0.113.7, 10.0.0.2, 10.0.0.3" }, "203.0.113.7"],
    [{ "x-forwarded-for": " 2001:DB8::1 ", "x-real-ip": "10.0.0.9" }, "2001:db8::1"],
    [{ "x-real-ip": "198.51.100.4" }, "198.51.100.4"],
    [{ "x-forwarded-for": " , 10.0.0.2", "x-real-ip": "198.51.100.5" }, "198.51.100.5"],
    [{}, "unknown"],
    [{ "x-forwarded-for": "" }, "unknown"],
  ])("%j → %s", (headers, address) => {
    expect(clientAddress(new Headers(headers))).toBe(address);
  });

  it("keeps a forged giant header to a bounded key", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "a".repeat(5000) }))).toHaveLength(100);
  });
});
