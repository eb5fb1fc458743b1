import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";

/**
 * A phone number in E.164, national numbers read as `defaultCountry`: "+49 (0)157 1234 5678",
 * "0049 157 12345678" and "0157 1234 5678" all give "+4915712345678". Null for anything that is no
 * number — a withheld caller ("anonymous", "unknown", ""), "+0000…", words.
 */
export function toE164(raw: string | null | undefined, defaultCountry: CountryCode = "DE"): string | null {
  if (!raw?.trim()) return null;
  // extract:false — the whole string must be the number, "0151 1234567a" is not one.
  const parsed = parsePhoneNumberFromString(raw.trim(), { defaultCountry, extract: false });
  // The default (small) metadata checks length and leading digits only: a strict range check would
  // turn real numbers from ranges newer than the library into "no number", and lock their owners out.
  return parsed?.isValid() ? parsed.number : null;
}
