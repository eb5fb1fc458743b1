import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { getDb } from "@/lib/db/client";
import { appointmentPhases, services, staff } from "@/lib/db/schema";
import { createService } from "@/lib/catalog/create-service";
import { deleteService } from "@/lib/catalog/delete-service";
import { getService } from "@/lib/catalog/get-service";
import { listServices } from "@/lib/catalog/list-services";
import { setServiceActive } from "@/lib/catalog/set-service-active";
import { updateService } from "@/lib/catalog/update-service";
import { zonedInstant } from "@/lib/time/zoned";
import { makeSalon, makeStaff, qualify } from "../../support/factories";
import { codeOf, linksOf, messageOf, permInput, segmentsOf } from "./helpers";

const shape = (rows: { key: string; durationMinutes: number; staffRequired: boolean; sequenceOrder: number }[]) =>
  rows.map((r) => [r.sequenceOrder, r.key, r.durationMinutes, r.staffRequired]);

describe("creating and editing services", () => {
  it("creates a composite service: euros to cents, synonyms trimmed and de-duplicated, segments in order, staff linked", async () => {
    const { ctx, anna } = await makeSalon();
    const { id } = await createService({ ctx, input: permInput("Dauerwelle Deluxe", [anna.id]) });
    const service = await getService({ ctx, input: { id } });
    expect(service).toMatchObject({
      name: "Dauerwelle Deluxe",
      priceCents: 8900,
      composite: true,
      active: true,
      durationMinutes: 110,
    });
    expect(service.synonyms).toEqual(["Perm", "Dauerwelle lang"]);
    expect(shape(service.segments)).toEqual([
      [1, "A", 50, true],
      [2, "GAP_1", 15, false],
      [3, "B", 5, true],
      [4, "C", 40, true],
    ]);
    expect(service.staffIds).toEqual([anna.id]);
    expect((await listServices({ ctx })).find((s) => s.id === id)?.staffNames).toEqual(["Anna Berg"]);
  });

  it("saving a reordered list replaces the segments (sequence 1..n), the staff and the total duration", async () => {
    const { ctx, anna, ben } = await makeSalon();
    const { id } = await createService({ ctx, input: permInput("Welle", [anna.id]) });
    const input = permInput("Welle", [ben.id]);
    if (!input.composite) throw new Error("composite expected");
    const [a, gap, b, c] = input.segments;
    await updateService({
      ctx,
      input: { id, service: { ...input, price: "", segments: [a!, gap!, c!, { ...b!, durationMinutes: "10" }] } },
    });
    expect(shape(await segmentsOf(id))).toEqual([
      [1, "A", 50, true],
      [2, "GAP_1", 15, false],
      [3, "C", 40, true],
      [4, "B", 10, true],
    ]);
    const [row] = await getDb().select().from(services).where(eq(services.id, id));
    expect(row).toMatchObject({ durationMinutes: 115, priceCents: null });
    expect(await linksOf(id)).toEqual([ben.id]);
  });

  it("turning a composite service into a simple one drops its segments and keeps its own duration", async () => {
    const { ctx, perm } = await makeSalon();
    await updateService({
      ctx,
      input: { id: perm.id, service: { name: "Dauerwelle", composite: false, durationMinutes: "90", price: "120" } },
    });
    expect(await segmentsOf(perm.id)).toEqual([]);
    expect(await getService({ ctx, input: { id: perm.id } })).toMatchObject({
      composite: false,
      durationMinutes: 90,
      priceCents: 12000,
    });
  });

  it("booked appointments keep their phases when the service's segments change", async () => {
    const { ctx, perm, anna } = await makeSalon();
    const { appointment } = await bookAppointment({
      ctx,
      input: {
        serviceId: perm.id,
        start: zonedInstant("2031-03-03", 600, "Europe/Berlin"),
        staffId: anna.id,
        customer: { name: "Kopie" },
        now: new Date("2031-02-27T12:00:00Z"),
      },
    });
    const phases = async () =>
      getDb()
        .select()
        .from(appointmentPhases)
        .where(eq(appointmentPhases.appointmentId, appointment.id))
        .orderBy(appointmentPhases.sequenceOrder);
    const before = await phases();
    await updateService({ ctx, input: { id: perm.id, service: permInput("Dauerwelle", [anna.id]) } });
    expect(await phases()).toEqual(before);
    expect(before).toHaveLength(6);
  });

  it("keeps the links of inactive staff: the form never showed them", async () => {
    const { company, ctx, cut, anna } = await makeSalon();
    const away = await makeStaff(company, { name: "Clara Abwesend" });
    await qualify(company, [away.id], [cut.id]);
    await getDb().update(staff).set({ active: false }).where(eq(staff.id, away.id));
    await updateService({
      ctx,
      input: {
        id: cut.id,
        service: { name: "Herrenhaarschnitt", composite: false, durationMinutes: 30, staffIds: [] },
      },
    });
    expect(await linksOf(cut.id)).toEqual([away.id]);
    expect(await linksOf(cut.id)).not.toContain(anna.id);
  });

  it("a service with appointments cannot be deleted but can be deactivated; an unbooked one is deleted", async () => {
    const { ctx, cut, colour, anna } = await makeSalon();
    await bookAppointment({
      ctx,
      input: {
        serviceId: cut.id,
        start: zonedInstant("2031-03-03", 600, "Europe/Berlin"),
        staffId: anna.id,
        customer: { name: "Bleibt" },
        now: new Date("2031-02-27T12:00:00Z"),
      },
    });
    expect(await messageOf(deleteService({ ctx, input: { id: cut.id } }))).toContain(
      "Deaktivieren Sie die Leistung stattdessen",
    );
    expect(await codeOf(deleteService({ ctx, input: { id: cut.id } }))).toBe("CONFLICT");
    expect(await setServiceActive({ ctx, input: { id: cut.id, active: false } })).toMatchObject({ active: false });
    expect((await getService({ ctx, input: { id: cut.id } })).active).toBe(false);

    await deleteService({ ctx, input: { id: colour.id } });
    expect(await codeOf(getService({ ctx, input: { id: colour.id } }))).toBe("NOT_FOUND");
    expect(await segmentsOf(colour.id)).toEqual([]);
  });
});
