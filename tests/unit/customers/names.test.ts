import { describe, expect, it } from "vitest";
import { sameName } from "@/lib/customers/names";

describe("sameName", () => {
  it.each([
    ["Anna Müller", "anna mueller"],
    ["Anna Müller", "Müller"],
    ["Anna Müller", "Müller, Anna"],
    ["Anna Müller", "A. Müller"],
    ["A. Müller", "Anna Müller"],
    ["Siegfried Reu", "S. Reu"],
    ["Frau Anna Müller", "Anna Muller"],
    ["José García", "Jose Garcia"],
  ])("%s is %s", (a, b) => {
    expect(sameName(a, b)).toBe(true);
  });

  it.each([
    ["Anna Müller", "Berta Müller"],
    ["Anna Müller", "Anna Schulz"],
    ["Anna Müller", "B. Müller"],
    ["Anna Müller", ""],
  ])("%s is not %s", (a, b) => {
    expect(sameName(a, b)).toBe(false);
  });
});
