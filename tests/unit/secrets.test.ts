import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secrets";

describe("secrets at rest", () => {
  it("round-trips and never stores the plain text", () => {
    const envelope = encryptSecret("cal_live_abc123");
    expect(envelope).not.toContain("cal_live_abc123");
    expect(envelope.startsWith("v1.")).toBe(true);
    expect(decryptSecret(envelope)).toBe("cal_live_abc123");
  });

  it("uses a fresh IV every time", () => {
    expect(encryptSecret("same")).not.toBe(encryptSecret("same"));
  });

  it("refuses a tampered envelope", () => {
    const [v, iv, tag, ct] = encryptSecret("whsec_demo").split(".");
    const flipped = Buffer.from(ct!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString("base64url")].join("."))).toThrow();
    expect(() => decryptSecret("garbage")).toThrow(/format/);
  });
});
