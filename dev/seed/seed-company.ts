import { hashPassword } from "better-auth/crypto";
import { insertBusyForExistingAppointments } from "../../lib/booking";
import type { Db } from "../../lib/db";
import { refreshPersonGroups } from "../../lib/staff";
import type { DemoCompany } from "./catalog";
import type { GhostBooking } from "./ghost-bookings";
import { insertAppointments } from "./insert-appointments";
import { insertCalls, insertFunctionCalls } from "./insert-calls";
import { insertCompanyWithAdmin } from "./insert-company";
import { insertCustomers } from "./insert-customers";
import { insertGoLiveCheck } from "./insert-go-live-check";
import { insertPhases } from "./insert-phases";
import { insertServices } from "./insert-services";
import { insertStaff } from "./insert-staff";
import { doubleBookedDuplicates, planAppointments } from "./plan-appointments";
import { planCalls } from "./plan-calls";
import { createRandom } from "./random";
import type { Counters, SeedScope } from "./scope";

export type { GhostBooking };

export type SeedResult = {
  companyId: string;
  adminEmail: string;
  appointments: number;
  calls: number;
  ghostBookings: GhostBooking[];
};

/**
 * One company's demo data in one transaction. The groups run in this order because they share one
 * random sequence: moving a step changes every row after it (e2e tests rely on the exact rows).
 */
export async function seedCompany(db: Db, def: DemoCompany, now: Date, counters: Counters): Promise<SeedResult> {
  const random = createRandom(def.randomSeed);
  const passwordHash = await hashPassword(def.admin.password);
  const receptionHash = def.receptionAdmin ? await hashPassword(def.receptionAdmin.password) : null;
  return db.transaction(async (tx) => {
    const companyId = await insertCompanyWithAdmin(tx, def, passwordHash, receptionHash);
    const scope: SeedScope = { tx, def, companyId, random };
    const staffIds = await insertStaff(scope);
    const { serviceIds, eventTypes } = await insertServices(scope, staffIds);
    const customers = await insertCustomers(scope);

    const planned = planAppointments(def, now, random, customers.list);
    const callDrafts = planCalls(def, now, random, planned, customers.list);
    const drafts = [...planned, ...doubleBookedDuplicates(def, planned, now, customers.list.length)];
    const calls = await insertCalls(scope, callDrafts, customers.ids);
    const refs = { staffIds, serviceIds, customerIds: customers.ids, callIdByDraft: calls.byDraft };
    const appointmentIds = await insertAppointments(scope, drafts, refs);
    const ghostBookings = await insertPhases(
      scope,
      drafts,
      { staffIds, eventTypes, customers: customers.list, appointmentIds },
      counters,
    );
    await insertBusyForExistingAppointments(tx, companyId);
    // After the busy rows: the demo's two "Fabian Spitzer" records overlapped before anyone noticed.
    await refreshPersonGroups(tx, companyId);
    await insertFunctionCalls(scope, callDrafts, calls.ids, appointmentIds);
    await insertGoLiveCheck(scope, now);

    return {
      companyId,
      adminEmail: def.admin.email,
      appointments: drafts.length,
      calls: callDrafts.length,
      ghostBookings,
    };
  });
}
