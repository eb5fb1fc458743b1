import { sql } from "drizzle-orm";
import { appointments } from "../db";

/** Select expression: how many staff-required segments the appointment has ("Dauerwelle (4 Segmente)"). */
export const staffSegmentCount = () =>
  sql<number>`(select count(*)::int from appointment_phases p where p.appointment_id = ${appointments.id} and p.staff_required)`;
