import { describe, expect, it } from "vitest";
import { formatPhoneDe } from "@/lib/time";

describe("formatPhoneDe", () => {
  it.each([
    ["+4915112345678", "+49 1511 2345678"],
    ["015112345678", "+49 1511 2345678"],
    ["+49301234567", "+49 30 1234567"],
    ["+441632960961", "+44 1632 960961"],
  ])("%s is shown as %s", (raw, shown) => {
    expect(formatPhoneDe(raw)).toBe(shown);
  });

  it.each(["anonymous", "Anonymous", "unknown", "", "  ", null, undefined])(
    "a withheld caller (%s) is named",
    (raw) => {
      expect(formatPhoneDe(raw)).toBe("Unbekannte Nummer");
    },
  );

  it("keeps what is no number as it was given", () => {
    expect(formatPhoneDe("Rezeption")).toBe("Rezeption");
  });
});
