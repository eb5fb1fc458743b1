import { z } from "zod";

export const bookingSchema = z
  .object({
    id: z.number().int(),
    uid: z.string().min(1),
    status: z.string(),
    start: z.string(),
    end: z.string(),
    duration: z.number().optional(),
    eventTypeId: z.number().int().optional(),
    eventType: z.object({ id: z.number().int(), slug: z.string().optional() }).passthrough().optional(),
    hosts: z.array(z.object({ id: z.number().int() }).passthrough()).optional(),
    attendees: z.array(z.object({ name: z.string() }).passthrough()).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    createdAt: z.string().optional(),
    rescheduledFromUid: z.string().optional(),
    rescheduledToUid: z.string().optional(),
    cancellationReason: z.string().optional(),
  })
  .passthrough();
export type CalcomBooking = z.infer<typeof bookingSchema>;

export const eventTypeSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    slug: z.string(),
    lengthInMinutes: z.number().int(),
    lengthInMinutesOptions: z.array(z.number().int()).optional(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    schedulingType: z.string().nullish(),
    parentEventTypeId: z.number().int().nullish(),
    hosts: z.array(z.object({ userId: z.number().int() }).passthrough()).optional(),
    teamId: z.number().int().nullish(),
    ownerId: z.number().int().nullish(),
    minimumBookingNotice: z.number().optional(),
    locations: z.array(z.object({ type: z.string() }).passthrough()).optional(),
    hidden: z.boolean().optional(),
    confirmationPolicy: z.record(z.string(), z.unknown()).nullish(),
  })
  .passthrough();
export type CalcomEventType = z.infer<typeof eventTypeSchema>;

/** A webhook of an event type; Cal.com echoes the secret back (webhook-booking-created.json). */
export const webhookSchema = z
  .object({
    id: z.string().min(1),
    subscriberUrl: z.string(),
    triggers: z.array(z.string()),
    active: z.boolean(),
    secret: z.string().nullish(),
    eventTypeId: z.number().int().nullish(),
  })
  .passthrough();
export type CalcomWebhook = z.infer<typeof webhookSchema>;

export const successEnvelope = <T extends z.ZodType>(data: T) => z.object({ status: z.literal("success"), data });

/** Offset pagination (2024-08-13; the code says itemsReturned, the docs returnedItems) or cursor (2026-05-01). */
export const paginationSchema = z
  .object({
    totalItems: z.number().optional(),
    hasNextPage: z.boolean().optional(),
    nextCursor: z.string().nullish(),
    hasMore: z.boolean().optional(),
  })
  .passthrough();

export const listBookingsSchema = z.object({
  status: z.literal("success"),
  data: z.array(bookingSchema),
  pagination: paginationSchema.optional(),
});

/** Both error shapes Cal.com answers with: its envelope, and Nest's default for unhandled errors. */
export const envelopeErrorSchema = z.object({
  status: z.literal("error"),
  error: z.object({ code: z.string(), message: z.string() }),
});
export const nestErrorSchema = z.object({
  statusCode: z.number(),
  message: z.union([z.string(), z.array(z.string())]),
});
