import { index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { bigId, bigRef, timestamps } from "./columns";
import { appointmentPhases, appointments } from "./appointments";
import { companies } from "./companies";

/** Every request SlotDesk made to Cal.com, with its outcome. */
export const syncAttempts = pgTable(
  "sync_attempts",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    appointmentId: bigRef("appointment_id").references(() => appointments.id, { onDelete: "cascade" }),
    phaseId: bigRef("phase_id").references(() => appointmentPhases.id, { onDelete: "set null" }),
    /** create | get | list | cancel | reschedule | slots | event_types | … */
    action: text("action").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    httpStatus: integer("http_status"),
    latencyMs: integer("latency_ms").notNull(),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    jobId: text("job_id"),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    index("sync_attempts_appointment_idx").on(t.appointmentId, t.createdAt),
    index("sync_attempts_company_created_idx").on(t.companyId, t.createdAt),
  ],
);
