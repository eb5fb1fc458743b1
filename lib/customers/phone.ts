/**
 * Normalises a phone number to E.164, assuming Germany for national numbers:
 * "0151 123 45678" → "+4915112345678", "0049 30 123456" → "+4930123456". Null when it is not a number.
 */
export function toE164(raw: string | null | undefined, defaultCountryCode = "49"): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!/^[+\d][\d\s()./-]*$/.test(trimmed)) return null;
  let digits = trimmed.replace(/[^\d+]/g, "");
  if (digits.startsWith("00")) digits = `+${digits.slice(2)}`;
  else if (digits.startsWith("0")) digits = `+${defaultCountryCode}${digits.slice(1)}`;
  else if (!digits.startsWith("+")) digits = `+${digits}`;
  return /^\+[1-9]\d{6,14}$/.test(digits) ? digits : null;
}
