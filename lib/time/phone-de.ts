import { parsePhoneNumberFromString } from "libphonenumber-js";

const WITHHELD = new Set(["", "anonymous", "unknown", "unbekannt", "private", "restricted", "unterdrückt"]);

/**
 * A phone number as the salon reads it: "+49 151 12345678". A withheld caller ("anonymous", "unknown",
 * empty) is "Unbekannte Nummer"; anything that is no number is shown as it was given.
 */
export function formatPhoneDe(raw: string | null | undefined): string {
  const value = raw?.trim() ?? "";
  if (WITHHELD.has(value.toLowerCase())) return "Unbekannte Nummer";
  const parsed = parsePhoneNumberFromString(value, { defaultCountry: "DE", extract: false });
  return parsed?.isPossible() ? parsed.formatInternational() : value;
}
