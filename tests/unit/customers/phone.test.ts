import { describe, expect, it } from "vitest";
import { toE164 } from "@/lib/customers/phone";

describe("toE164", () => {
  it.each([
    ["+49 (0)157 1234 5678", "+4915712345678"],
    ["0049 157 12345678", "+4915712345678"],
    ["0157 1234 5678", "+4915712345678"],
    ["+4915712345678", "+4915712345678"],
    ["0151/1234-5678", "+4915112345678"],
    ["  +49 151 12345678 ", "+4915112345678"],
    ["0049 30 123456", "+4930123456"],
    ["030 123456", "+4930123456"],
    ["+43 664 1234567", "+436641234567"],
    ["0043 664 1234567", "+436641234567"],
    ["+491511234567", "+491511234567"], // the demo seeds' numbers
  ])("%s → %s", (raw, e164) => {
    expect(toE164(raw)).toBe(e164);
  });

  it.each([
    ["anonymous"],
    ["Anonymous"],
    [""],
    ["   "],
    ["unknown"],
    ["+0000000000"],
    ["+00000"],
    ["garbage"],
    ["0151 1234567a"],
    ["+49"],
  ])("%j is no number", (raw) => {
    expect(toE164(raw)).toBeNull();
  });

  it("null and undefined are no number", () => {
    expect(toE164(null)).toBeNull();
    expect(toE164(undefined)).toBeNull();
  });

  it("reads national numbers in another country when asked", () => {
    expect(toE164("0664 1234567", "AT")).toBe("+436641234567");
  });
});
