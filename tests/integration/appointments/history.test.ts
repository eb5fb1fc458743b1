import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CalcomSimulator } from "@/dev/calcom-sim";
import { getAppointmentHistory } from "@/lib/appointments/get-history";
import { setAppointmentStatus } from "@/lib/appointments/set-appointment-status";
import { createAdminUser } from "@/lib/auth/create-admin";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { cancelAppointment } from "@/lib/booking/cancel-appointment";
import { rescheduleAppointment } from "@/lib/booking/reschedule-appointment";
import { reverifyAppointment } from "@/lib/calcom/sync/reverify";
import { syncAppointment } from "@/lib/calcom/sync/sync-appointment";
import { getCallDetail } from "@/lib/calls/get-call";
import type { Company, Ctx } from "@/lib/context";
import { getDb } from "@/lib/db/client";
import { appointmentEvents, appointments } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { zonedInstant } from "@/lib/time/zoned";
import { calcomSalon, startSim } from "../../support/calcom";
import { useServerClock } from "../../support/clock";
import { makeCall, makeSalon } from "../../support/factories";

// A Monday in March 2027; every test decides its own "now" from here, never today.
const NOW = new Date("2027-03-15T08:00:00Z");
useServerClock(NOW);
const at = (hhmm: string, date = "2027-03-16") => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant(date, h! * 60 + m!, "Europe/Berlin");
};
const customer = { name: "Greta Kühn", phone: "0151 2222 3333" };

async function adminCtx(company: Company): Promise<Ctx> {
  const email = `anna-${Math.random().toString(36).slice(2, 8)}@salon.test`;
  const userId = await createAdminUser(getDb(), {
    companyId: company.id,
    name: "Anna Admin",
    email,
    password: "Passwort-geheim-123",
    role: "admin",
  });
  return { db: getDb(), company, actor: { type: "user", userId, email, name: "Anna Admin" } };
}

const voiceCtx = (company: Company, retellCallId: string): Ctx => ({
  db: getDb(),
  company,
  actor: { type: "voice-agent", retellCallId },
});

const eventsOf = (id: number) =>
  getDb().select().from(appointmentEvents).where(eq(appointmentEvents.appointmentId, id)).orderBy(appointmentEvents.id);

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("Verlauf: every change of an appointment is recorded with who made it", () => {
  it("a call's booking, move and cancellation carry the call; the call page lists the appointment", async () => {
    const salon = await makeSalon();
    const call = await makeCall(salon.company);
    const ctx = voiceCtx(salon.company, call.retellCallId);
    const input = { serviceId: salon.cut.id, start: at("10:00"), staffId: salon.anna.id, customer, now: NOW };
    const { appointment } = await bookAppointment({ ctx, input: { ...input, callId: call.id } });
    await rescheduleAppointment({
      ctx,
      input: { appointmentId: appointment.id, start: at("11:30", "2027-03-17"), staffId: salon.ben.id, now: NOW },
    });
    await cancelAppointment({ ctx, input: { appointmentId: appointment.id, now: NOW } });
    // Cancelling twice is harmless and adds nothing.
    await cancelAppointment({ ctx, input: { appointmentId: appointment.id, now: NOW } });

    const events = await eventsOf(appointment.id);
    expect(events.map((e) => [e.kind, e.actor, e.callId])).toEqual([
      ["created", "voice", call.id],
      ["moved", "voice", call.id],
      ["cancelled", "voice", call.id],
    ]);
    expect(events[1]).toMatchObject({
      fromStartsAt: at("10:00"),
      toStartsAt: at("11:30", "2027-03-17"),
      fromStaffId: salon.anna.id,
      toStaffId: salon.ben.id,
    });

    const history = await getAppointmentHistory({ ctx: salon.ctx, input: { appointmentId: appointment.id } });
    expect(history.map((h) => h.sentence)).toEqual([
      `Angelegt über Anruf #${call.id}`,
      `Verschoben von Di, 16.03. 10:00 auf Mi, 17.03. 11:30 (Anna Berg → Ben Vogel) – im Anruf #${call.id}`,
      `Abgesagt vom Anrufer in Anruf #${call.id}`,
    ]);
    expect(history.every((h) => h.callId === call.id)).toBe(true);

    const detail = await getCallDetail({ ctx: salon.ctx, input: { id: call.id } });
    expect(detail.touched.map((t) => [t.id, t.actions, t.status])).toEqual([
      [appointment.id, ["created", "moved", "cancelled"], "cancelled"],
    ]);
  });

  it("a call that only cancelled an appointment booked elsewhere shows it on the call's page", async () => {
    const salon = await makeSalon();
    const admin = await adminCtx(salon.company);
    const input = { serviceId: salon.cut.id, start: at("14:00"), staffId: salon.ben.id, customer, now: NOW };
    const { appointment } = await bookAppointment({ ctx: admin, input: { ...input, source: "admin" } });
    const call = await makeCall(salon.company);
    await cancelAppointment({
      ctx: voiceCtx(salon.company, call.retellCallId),
      input: { appointmentId: appointment.id },
    });
    const other = await makeCall(salon.company);

    expect((await getCallDetail({ ctx: salon.ctx, input: { id: call.id } })).touched).toMatchObject([
      { id: appointment.id, actions: ["cancelled"], serviceName: "Herrenhaarschnitt", staffName: "Ben Vogel" },
    ]);
    expect((await getCallDetail({ ctx: salon.ctx, input: { id: other.id } })).touched).toEqual([]);
  });

  it("admin actions name the acting admin; a cancel note is kept in the history", async () => {
    const salon = await makeSalon();
    const admin = await adminCtx(salon.company);
    const input = { serviceId: salon.perm.id, start: at("09:00"), customer, now: NOW, source: "admin" as const };
    const { appointment } = await bookAppointment({ ctx: admin, input });
    await rescheduleAppointment({
      ctx: admin,
      input: {
        appointmentId: appointment.id,
        start: at("09:00"),
        staffId: appointment.staffId === salon.anna.id ? salon.ben.id : salon.anna.id,
        now: NOW,
      },
    });
    await cancelAppointment({
      ctx: admin,
      input: { appointmentId: appointment.id, note: "  Kundin ist krank  ", now: NOW },
    });

    const events = await eventsOf(appointment.id);
    expect(events.map((e) => [e.kind, e.actor, e.actorLabel, e.userId])).toEqual([
      ["created", "admin", "Anna Admin", (admin.actor as { userId: string }).userId],
      ["reassigned", "admin", "Anna Admin", (admin.actor as { userId: string }).userId],
      ["cancelled", "admin", "Anna Admin", (admin.actor as { userId: string }).userId],
    ]);
    expect(events[2]!.note).toBe("Kundin ist krank");
    const sentences = (await getAppointmentHistory({ ctx: admin, input: { appointmentId: appointment.id } })).map(
      (h) => h.sentence,
    );
    expect(sentences[0]).toBe("Angelegt von Anna Admin");
    expect(sentences[1]).toMatch(
      /^Mitarbeiter gewechselt: (Anna Berg → Ben Vogel|Ben Vogel → Anna Berg) – durch Anna Admin$/,
    );
    expect(sentences[2]).toBe("Abgesagt von Anna Admin im Admin-Bereich – Notiz: Kundin ist krank");
  });

  it("a cancel note over 500 characters is refused and nothing changes", async () => {
    const salon = await makeSalon();
    const input = { serviceId: salon.cut.id, start: at("10:00"), staffId: salon.anna.id, customer, now: NOW };
    const { appointment } = await bookAppointment({ ctx: salon.ctx, input });
    const error = await errorOf(
      cancelAppointment({ ctx: salon.ctx, input: { appointmentId: appointment.id, note: "x".repeat(501), now: NOW } }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toContain("höchstens 500 Zeichen");
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(row!.status).toBe("confirmed");
    expect((await eventsOf(appointment.id)).map((e) => e.kind)).toEqual(["created"]);
  });

  it("another salon's appointment is not found, its history not shown", async () => {
    const salon = await makeSalon();
    const other = await makeSalon();
    const input = { serviceId: salon.cut.id, start: at("10:00"), staffId: salon.anna.id, customer, now: NOW };
    const { appointment } = await bookAppointment({ ctx: salon.ctx, input });
    const error = await errorOf(getAppointmentHistory({ ctx: other.ctx, input: { appointmentId: appointment.id } }));
    expect(error.code).toBe("NOT_FOUND");
    const status = await errorOf(
      setAppointmentStatus({
        ctx: other.ctx,
        input: { appointmentId: appointment.id, status: "no_show", now: at("11:00") },
      }),
    );
    expect(status.code).toBe("NOT_FOUND");
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(row!.status).toBe("confirmed");
  });
});

describe("Status: Erschienen / Nicht erschienen once the appointment has started", () => {
  it("marks a past appointment, records from → to with the admin, and can go back to Offen", async () => {
    const salon = await makeSalon();
    const admin = await adminCtx(salon.company);
    const input = { serviceId: salon.cut.id, start: at("10:00"), staffId: salon.anna.id, customer, now: NOW };
    const { appointment } = await bookAppointment({ ctx: admin, input: { ...input, source: "admin" } });
    const later = at("10:15");

    const result = await setAppointmentStatus({
      ctx: admin,
      input: { appointmentId: appointment.id, status: "no_show", now: later },
    });
    expect(result).toEqual({ appointmentId: appointment.id, status: "no_show", changed: true });
    expect(
      (
        await setAppointmentStatus({
          ctx: admin,
          input: { appointmentId: appointment.id, status: "no_show", now: later },
        })
      ).changed,
    ).toBe(false);
    await setAppointmentStatus({
      ctx: admin,
      input: { appointmentId: appointment.id, status: "completed", now: later },
    });
    await setAppointmentStatus({
      ctx: admin,
      input: { appointmentId: appointment.id, status: "confirmed", now: later },
    });

    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(row!.status).toBe("confirmed");
    const statusEvents = (await eventsOf(appointment.id)).filter((e) => e.kind === "status");
    expect(statusEvents.map((e) => [e.fromStatus, e.toStatus, e.actorLabel])).toEqual([
      ["confirmed", "no_show", "Anna Admin"],
      ["no_show", "completed", "Anna Admin"],
      ["completed", "confirmed", "Anna Admin"],
    ]);
    const history = await getAppointmentHistory({ ctx: admin, input: { appointmentId: appointment.id } });
    expect(history.filter((h) => h.kind === "status").map((h) => h.sentence)).toEqual([
      "Status: Nicht erschienen (Anna Admin)",
      "Status: Erschienen (Anna Admin)",
      "Status: Offen (Anna Admin)",
    ]);
  });

  it("a future or cancelled appointment is refused in German and nothing is written", async () => {
    const salon = await makeSalon();
    const input = { serviceId: salon.cut.id, start: at("10:00"), staffId: salon.anna.id, customer, now: NOW };
    const { appointment } = await bookAppointment({ ctx: salon.ctx, input });
    const early = await errorOf(
      setAppointmentStatus({
        ctx: salon.ctx,
        input: { appointmentId: appointment.id, status: "completed", now: at("09:59") },
      }),
    );
    expect(early.code).toBe("CONFLICT");
    expect(early.message).toBe("Der Termin hat noch nicht begonnen – das geht erst ab seinem Beginn.");
    const bad = await errorOf(
      setAppointmentStatus({
        ctx: salon.ctx,
        input: { appointmentId: appointment.id, status: "cancelled" as never, now: at("11:00") },
      }),
    );
    expect(bad.code).toBe("VALIDATION");

    await cancelAppointment({ ctx: salon.ctx, input: { appointmentId: appointment.id, now: NOW } });
    const cancelled = await errorOf(
      setAppointmentStatus({
        ctx: salon.ctx,
        input: { appointmentId: appointment.id, status: "no_show", now: at("11:00") },
      }),
    );
    expect(cancelled.code).toBe("CONFLICT");
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(row!.status).toBe("cancelled");
    expect((await eventsOf(appointment.id)).map((e) => e.kind)).toEqual(["created", "cancelled"]);
  });
});

describe("Verlauf of the Cal.com sync: outcomes, only when they change", () => {
  let sim: CalcomSimulator;
  beforeAll(async () => {
    // The simulator keeps the test's clock too: on a later real date it would refuse 2027-03-16 as past.
    sim = await startSim({ now: () => NOW });
  });
  afterAll(async () => {
    await sim.stop();
  });

  it("a sync records 'abgeglichen' with its bookings once; re-verifying adds nothing; the cancel sync is recorded", async () => {
    const salon = await calcomSalon(sim);
    const input = { serviceId: salon.perm.id, start: at("10:00"), staffId: salon.anna.id, customer, now: NOW };
    const { appointment } = await bookAppointment({ ctx: salon.ctx, input });
    const job = { ...salon.ctx, actor: { type: "job" as const } };
    expect(
      (await syncAppointment({ ctx: job, input: { appointmentId: appointment.id, verifyDelayMs: 0 } })).outcome,
    ).toBe("synced");
    await reverifyAppointment({ ctx: job, input: { appointmentId: appointment.id } });
    await reverifyAppointment({ ctx: job, input: { appointmentId: appointment.id } });
    let sync = (await eventsOf(appointment.id)).filter((e) => e.kind === "sync");
    expect(sync.map((e) => [e.fromStatus, e.toStatus, e.note, e.actor])).toEqual([
      ["pending", "synced", "Mit Cal.com abgeglichen: 4 Buchungen", "job"],
    ]);

    await cancelAppointment({ ctx: salon.ctx, input: { appointmentId: appointment.id, now: NOW } });
    await syncAppointment({ ctx: job, input: { appointmentId: appointment.id, verifyDelayMs: 0 } });
    sync = (await eventsOf(appointment.id)).filter((e) => e.kind === "sync");
    expect(sync.map((e) => e.note)).toEqual(["Mit Cal.com abgeglichen: 4 Buchungen", "Cal.com-Buchungen storniert"]);
    const history = await getAppointmentHistory({ ctx: salon.ctx, input: { appointmentId: appointment.id } });
    expect(history.map((h) => h.sentence)).toEqual([
      "Angelegt vom System",
      "Mit Cal.com abgeglichen: 4 Buchungen",
      "Abgesagt vom System",
      "Cal.com-Buchungen storniert",
    ]);
  });
});
