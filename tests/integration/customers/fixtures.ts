import { eq } from "drizzle-orm";
import { bookAppointment } from "@/lib/booking/book-appointment";
import type { Company } from "@/lib/context";
import { getDb } from "@/lib/db/client";
import { calls, customers } from "@/lib/db/schema";
import { setServerClock } from "@/lib/time/clock";
import { zonedInstant } from "@/lib/time/zoned";
import { makeCall, type makeSalon } from "../../support/factories";

/** The reference "now" of these tests: a Monday morning in Berlin. */
export const NOW = new Date("2027-03-15T09:00:00Z");
/** Appointments are booked from here, so some of them lie before NOW. */
const BOOKED_AT = new Date("2027-03-01T07:00:00Z");

export const berlin = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant(date, h! * 60 + m!, "Europe/Berlin");
};

export async function makeCustomer(company: Company, values: { name: string; phone?: string; email?: string }) {
  const [row] = await getDb()
    .insert(customers)
    .values({ companyId: company.id, name: values.name, phone: values.phone ?? null, email: values.email ?? null })
    .returning();
  return row!;
}

type Salon = Awaited<ReturnType<typeof makeSalon>>;

/** Books through the real verb with the clock at BOOKED_AT, then puts the clock back to NOW. */
export async function book(
  salon: Salon,
  customer: { name: string; phone?: string },
  start: Date,
  options: { service?: "cut" | "perm"; staff?: "anna" | "ben" } = {},
) {
  setServerClock(BOOKED_AT);
  try {
    const { appointment } = await bookAppointment({
      ctx: salon.ctx,
      input: {
        serviceId: salon[options.service ?? "cut"].id,
        staffId: salon[options.staff ?? "anna"].id,
        start,
        customer,
        notes: `Notiz für ${customer.name}`,
        now: BOOKED_AT,
      },
    });
    return appointment;
  } finally {
    setServerClock(NOW);
  }
}

export async function callFrom(
  company: Company,
  values: { customerId?: number | null; fromNumber?: string | null; startedAt?: Date; transcript?: string },
) {
  const call = await makeCall(company);
  const [row] = await getDb()
    .update(calls)
    .set({
      customerId: values.customerId ?? null,
      fromNumber: values.fromNumber ?? null,
      startedAt: values.startedAt ?? berlin("2027-03-10", "10:00"),
      transcript: values.transcript ?? null,
      summary: values.transcript ? `Zusammenfassung: ${values.transcript}` : null,
      outcome: "booked",
    })
    .where(eq(calls.id, call.id))
    .returning();
  return row!;
}
