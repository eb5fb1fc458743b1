import { describe, expect, it } from "vitest";
import { createService } from "@/lib/catalog/create-service";
import { deleteService } from "@/lib/catalog/delete-service";
import { getService } from "@/lib/catalog/get-service";
import { listServices } from "@/lib/catalog/list-services";
import { describeIssues, type ServiceInput } from "@/lib/catalog/service-input";
import { setServiceActive } from "@/lib/catalog/set-service-active";
import { updateService } from "@/lib/catalog/update-service";
import { isAppError } from "@/lib/errors";
import { serviceFormError, serviceFromForm } from "@/app/(admin)/services/form-data";
import { makeSalon } from "../../support/factories";
import { codeOf, messageOf, permInput, serviceState } from "./helpers";

const seg = (key: string, minutes: number | string, staffRequired = true) => ({
  key,
  name: staffRequired ? `Schritt ${key}` : "Einwirkzeit",
  durationMinutes: minutes,
  staffRequired,
});
const composite = (segments: ReturnType<typeof seg>[]): ServiceInput => ({ name: "Neu", composite: true, segments });

const refusals: [string, ServiceInput, string][] = [
  ["no name", { name: "  ", composite: false, durationMinutes: 30 }, "Name fehlt"],
  ["simple without duration", { name: "Neu", composite: false, durationMinutes: "" }, "Dauer mindestens 5 Minuten"],
  ["duration not a multiple of 5", { name: "Neu", composite: false, durationMinutes: 32 }, "5-Minuten-Schritten"],
  ["duration too long", composite([seg("A", 485)]), "höchstens 480 Minuten"],
  ["duration too short", composite([seg("A", 0)]), "mindestens 5 Minuten"],
  [
    "ends with a gap",
    composite([seg("A", 30), seg("GAP_1", 15, false)]),
    "Eine Leistung kann nicht mit einer Einwirkzeit enden",
  ],
  [
    "starts with a gap",
    composite([seg("GAP_1", 15, false), seg("A", 30)]),
    "Eine Leistung kann nicht mit einer Einwirkzeit beginnen",
  ],
  ["only gaps", composite([seg("GAP_1", 15, false)]), "Mindestens ein Segment muss „Mitarbeiter nötig“ haben"],
  ["duplicate keys", composite([seg("A", 30), seg("a", 30)]), "Schlüssel „A“ kommt mehrfach vor"],
  ["bad key", composite([seg("A-1", 30)]), "Schlüssel nur aus A–Z"],
  ["no segments", composite([]), "braucht Segmente"],
  ["price", { name: "Neu", composite: false, durationMinutes: 30, price: "neunzig" }, "Preis bitte als Betrag in Euro"],
];

describe("service validation", () => {
  it.each(refusals)("refuses %s in German and writes nothing", async (_, input, message) => {
    const { company, ctx, perm } = await makeSalon();
    const before = await serviceState(company.id);
    const created = createService({ ctx, input });
    expect(await codeOf(created)).toBe("VALIDATION");
    expect(await messageOf(createService({ ctx, input }))).toContain(message);
    expect(await codeOf(updateService({ ctx, input: { id: perm.id, service: input } }))).toBe("VALIDATION");
    expect(await serviceState(company.id)).toEqual(before);
  });

  it("names are unique per company, ignoring case; another company may use the same name", async () => {
    const { company, ctx, perm, cut } = await makeSalon();
    const before = await serviceState(company.id);
    expect(await messageOf(createService({ ctx, input: permInput("dauerWELLE") }))).toContain(
      "Es gibt bereits eine Leistung „dauerWELLE“",
    );
    expect(
      await codeOf(
        updateService({
          ctx,
          input: { id: cut.id, service: { name: "DAUERWELLE", composite: false, durationMinutes: 30 } },
        }),
      ),
    ).toBe("CONFLICT");
    expect(await serviceState(company.id)).toEqual(before);
    // Saving a service under its own name is no conflict.
    expect(await codeOf(updateService({ ctx, input: { id: perm.id, service: permInput("Dauerwelle") } }))).toBe("ok");
    const other = await makeSalon();
    expect(await codeOf(createService({ ctx: other.ctx, input: permInput("Dauerwelle Deluxe") }))).toBe("ok");
    expect(await codeOf(createService({ ctx, input: permInput("Dauerwelle Deluxe") }))).toBe("ok");
  });
});

describe("the service form", () => {
  it("posts what the browser sends: checkboxes, staff list and the ordered segments as JSON", async () => {
    const { ctx, anna, ben } = await makeSalon();
    const form = new FormData();
    form.set("name", "Glossing");
    form.set("synonyms", "Glanz, glanz");
    form.set("price", "1.049,5");
    form.set("composite", "on");
    form.append("staffIds", anna.id);
    form.append("staffIds", ben.id);
    form.set("segments", JSON.stringify([seg("A", "20"), seg("GAP_1", "10", false), seg("B", "15")]));
    const { id } = await createService({ ctx, input: serviceFromForm(form) });
    const saved = await getService({ ctx, input: { id } });
    expect(saved).toMatchObject({ active: false, priceCents: 104950, durationMinutes: 45, synonyms: ["Glanz"] });
    expect(saved.segments.map((x) => x.key)).toEqual(["A", "GAP_1", "B"]);
    expect(saved.staffIds.sort()).toEqual([anna.id, ben.id].sort());
  });

  it("answers refusals with one German line per problem, naming the segment", async () => {
    const { ctx } = await makeSalon();
    const error = await createService({ ctx, input: composite([seg("A", 30), seg("B", 7)]) }).catch((e: unknown) => e);
    expect(isAppError(error) && describeIssues(error.details!.issues as { path: string; message: string }[])).toEqual([
      "Segment 2: Dauer bitte in 5-Minuten-Schritten (5, 10, 15 …)",
    ]);
    expect(serviceFormError(error)).toMatchObject({
      ok: false,
      errors: ["Segment 2: Dauer bitte in 5-Minuten-Schritten (5, 10, 15 …)"],
    });
  });
});

describe("tenant isolation", () => {
  it("another company's service is not found by any verb and stays untouched", async () => {
    const mine = await makeSalon();
    const theirs = await makeSalon();
    const before = await serviceState(theirs.company.id);
    const id = theirs.perm.id;
    expect(await codeOf(getService({ ctx: mine.ctx, input: { id } }))).toBe("NOT_FOUND");
    expect(await codeOf(updateService({ ctx: mine.ctx, input: { id, service: permInput("Gekapert") } }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(setServiceActive({ ctx: mine.ctx, input: { id, active: false } }))).toBe("NOT_FOUND");
    expect(await codeOf(deleteService({ ctx: mine.ctx, input: { id } }))).toBe("NOT_FOUND");
    expect(await serviceState(theirs.company.id)).toEqual(before);
    expect((await listServices({ ctx: mine.ctx })).map((s) => s.id)).not.toContain(id);
  });

  it("another company's staff cannot be assigned; nothing is written", async () => {
    const mine = await makeSalon();
    const theirs = await makeSalon();
    const before = await serviceState(mine.company.id);
    expect(
      await codeOf(createService({ ctx: mine.ctx, input: permInput("Fremd", [mine.anna.id, theirs.anna.id]) })),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(
        updateService({
          ctx: mine.ctx,
          input: { id: mine.perm.id, service: permInput("Dauerwelle", [theirs.ben.id]) },
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await serviceState(mine.company.id)).toEqual(before);
  });
});
