/**
 * Who a Cal.com booking is "with". Real Cal.com refuses an attendee without e-mail (400
 * `{email}error_required_field`, recorded) and one whose address its validator rejects (an umlaut in
 * the local part → `{email}email_validation_error`, recorded), so every booking carries an address
 * Cal.com accepts: the customer's own when the salon lets Cal.com write to customers, otherwise a
 * per-customer address on a domain that delivers nowhere. The phone goes along as phoneNumber.
 */

/** The e-mail rule of Cal.com's booking responses (zod 3's `string().email()`): ASCII only. */
const CALCOM_EMAIL = /^(?!\.)(?!.*\.\.)([A-Z0-9_'+\-.]*)[A-Z0-9_+-]@([A-Z0-9][A-Z0-9-]*\.)+[A-Z]{2,}$/i;

/** A reserved top-level domain (RFC 2606): mail to it can never be delivered. */
export const DEFAULT_ATTENDEE_DOMAIN = "kunden.slotdesk.invalid";

export const calcomAcceptsEmail = (email: string): boolean => email.length <= 254 && CALCOM_EMAIL.test(email);

export type AttendeeSettings = { calcomCustomerEmails: boolean; calcomAttendeeEmailDomain: string | null };
export type AttendeeCustomer = { id: number; name: string; email: string | null; phone: string | null };

export const placeholderEmail = (customerId: number, settings: AttendeeSettings): string =>
  `kunde-${customerId}@${settings.calcomAttendeeEmailDomain || DEFAULT_ATTENDEE_DOMAIN}`;

export function calcomAttendee(customer: AttendeeCustomer, settings: AttendeeSettings, timeZone: string) {
  const own =
    settings.calcomCustomerEmails && customer.email && calcomAcceptsEmail(customer.email) ? customer.email : null;
  return {
    name: customer.name,
    email: own ?? placeholderEmail(customer.id, settings),
    timeZone,
    language: "de",
    ...(customer.phone ? { phoneNumber: customer.phone } : {}),
  };
}

/** Is this Cal.com attendee our customer (by any address we may have sent, or by phone)? */
export function isOurCustomer(
  attendee: Record<string, unknown> | undefined,
  customer: AttendeeCustomer,
  settings: AttendeeSettings,
): boolean {
  if (!attendee) return false;
  const email = typeof attendee.email === "string" ? attendee.email.toLowerCase() : "";
  const placeholders = [placeholderEmail(customer.id, settings), `kunde-${customer.id}@${DEFAULT_ATTENDEE_DOMAIN}`];
  const ours = [...placeholders, customer.email].filter((e): e is string => Boolean(e)).map((e) => e.toLowerCase());
  if (email && ours.includes(email)) return true;
  const digits = (v: unknown) => (typeof v === "string" ? v.replace(/\D/g, "") : "");
  return (
    Boolean(customer.phone) &&
    digits(attendee.phoneNumber) !== "" &&
    digits(attendee.phoneNumber) === digits(customer.phone)
  );
}
