import { addDays, isoWeekday, type LocalDate } from "../../lib/time";
import type { DemoCompany } from "./catalog";
import type { DemoCustomer } from "./people";
import type { FixedAppointment } from "./schedule";

/**
 * Seed 000, rebuilt in the demo salon: Siegfried Reu booked a perm by phone for "nächster Freitag";
 * it was marked failed although Cal.com created the bookings (the ghost bookings).
 */
const inDemoSalon = (def: DemoCompany) => def.retellAgentId === "agent_demo";

export const seed000Customers = (def: DemoCompany): DemoCustomer[] =>
  inDemoSalon(def) ? [{ name: "Siegfried Reu", phone: "+4915112345678", email: null }] : [];

export const seed000Appointments = (def: DemoCompany, today: LocalDate): FixedAppointment[] =>
  inDemoSalon(def)
    ? [
        {
          person: "fabian",
          staffIndex: 0,
          serviceName: "Dauerwelle",
          date: nextFriday(today),
          startMinute: 10 * 60,
          customerName: "Siegfried Reu",
          retellCallId: "call_272edd18b16a74df18b9e7a9b9d",
        },
      ]
    : [];

/** The Friday after `today`. */
function nextFriday(today: LocalDate): LocalDate {
  const weekday = isoWeekday(today);
  return addDays(today, (5 - weekday + 7) % 7 || 7);
}
