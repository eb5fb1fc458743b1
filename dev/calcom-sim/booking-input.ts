import { z } from "zod";
import { MSG } from "./errors";
import { isValidTimeZone, parseIsoDateTime } from "./time";

/** Request bodies of the bookings endpoints (CreateBookingInput_2024_08_13 and friends), reference §2. */

const isoDateTime = (name: string) =>
  z
    .string({ error: `${name} must be a valid ISO 8601 date string` })
    .refine((v) => parseIsoDateTime(v) !== undefined, `${name} must be a valid ISO 8601 date string`);

const PHONE = /^\+[1-9]\d{6,14}$/;
/** class-validator's IsEmail allows a UTF-8 local part; the booking fields are stricter (booking-fields.ts). */
const DTO_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/u;

export const metadataSchema = z.record(z.string(), z.unknown(), { error: "metadata must be an object" }).refine((m) => {
  const entries = Object.entries(m);
  return (
    entries.length <= 50 &&
    entries.every(
      ([key, value]) =>
        key.length <= 40 &&
        (typeof value === "number" || typeof value === "boolean" || (typeof value === "string" && value.length <= 500)),
    )
  );
}, MSG.metadata);

export const attendeeSchema = z
  .object(
    {
      name: z.string({ error: "name must be a string" }).min(1, "name should not be empty"),
      email: z.string({ error: "Invalid email format" }).regex(DTO_EMAIL, "Invalid email format").optional(),
      phoneNumber: z
        .string({ error: "phoneNumber must be a string" })
        .refine(
          (v) => PHONE.test(v.replace(/[\s().-]/g, "")),
          "Invalid phone number format. Please use international format.",
        )
        .optional(),
      timeZone: z
        .string({ error: "timeZone must be a valid IANA time-zone" })
        .refine(isValidTimeZone, "timeZone must be a valid IANA time-zone"),
      language: z.string({ error: "language must be a string" }).optional(),
    },
    { error: "attendee should not be null or undefined" },
  )
  .refine((a) => Boolean(a.email || a.phoneNumber), MSG.contact);

export const createBookingSchema = z.object({
  start: isoDateTime("start"),
  eventTypeId: z
    .number({ error: "eventTypeId must be an integer number" })
    .int({ error: "eventTypeId must be an integer number" })
    .optional(),
  eventTypeSlug: z.string().optional(),
  username: z.string().optional(),
  teamSlug: z.string().optional(),
  organizationSlug: z.string().optional(),
  attendee: attendeeSchema,
  metadata: metadataSchema.optional(),
  lengthInMinutes: z
    .number({ error: "lengthInMinutes must be an integer number" })
    .int({ error: "lengthInMinutes must be an integer number" })
    .min(1, "lengthInMinutes must not be less than 1")
    .optional(),
  guests: z.array(z.email({ error: "each value in guests must be an email" })).optional(),
  location: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  meetingUrl: z.string().optional(),
  bookingFieldsResponses: z.record(z.string(), z.unknown()).optional(),
});
export type CreateBookingBody = z.output<typeof createBookingSchema>;

/** Reschedule refuses unknown properties (`lengthInMinutes` included): "property X should not exist". */
export const rescheduleBookingSchema = z.strictObject({
  start: isoDateTime("start"),
  reschedulingReason: z.string({ error: "reschedulingReason must be a string" }).optional(),
  rescheduledBy: z.string({ error: "rescheduledBy must be a string" }).optional(),
});

export const cancelBookingSchema = z.object({
  cancellationReason: z.string({ error: "cancellationReason must be a string" }).optional(),
});

/** `location` as the booking output shows it: the address/link/phone of a typed location object. */
export function locationText(value: CreateBookingBody["location"], meetingUrl?: string): string | undefined {
  if (typeof value === "string") return value || undefined;
  if (value) {
    for (const key of ["address", "link", "phone", "location"]) {
      const v = value[key];
      if (typeof v === "string" && v) return v;
    }
    if (typeof value.integration === "string") return `integrations:${value.integration}`;
    if (typeof value.type === "string") return value.type;
  }
  return meetingUrl;
}
