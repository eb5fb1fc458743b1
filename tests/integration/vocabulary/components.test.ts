import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { serviceLabel, TypeBadge } from "@/components/appointments/badges";
import { PhaseTimeline } from "@/components/appointments/phase-timeline";
import { SegmentTable, type SegmentView } from "@/components/appointments/segment-table";
import { OutcomeBadge } from "@/components/calls/badges";
import { CalcomMessage } from "@/components/ui/calcom-message";
import { plainGermanFindings } from "../../support/plain-german";

const at = (hhmm: string) => new Date(`2026-12-04T${hhmm}:00+01:00`);
const phase = (id: number, key: string, from: string, to: string, staffRequired: boolean): SegmentView => ({
  id,
  segmentKey: key,
  segmentName: staffRequired ? `Schritt ${key}` : "Einwirkzeit",
  startTime: at(from),
  endTime: at(to),
  durationMinutes: (at(to).getTime() - at(from).getTime()) / 60_000,
  staffRequired,
  calcomSyncStatus: staffRequired ? "failed" : null,
  calcomBookingId: staffRequired ? 4711 + id : null,
  calcomBookingUid: staffRequired ? `uid-${id}` : null,
  calcomEventTypeId: 99,
  syncErrorMessage: staffRequired
    ? "Cal.com hat die Buchung abgelehnt: User either already has booking at this time or is not available (/v2/bookings)"
    : null,
});
const phases = [
  phase(1, "A", "10:00", "10:40", true),
  phase(2, "GAP_1", "10:40", "11:00", false),
  phase(3, "B", "11:00", "11:30", true),
  phase(4, "GAP_2", "11:30", "11:45", false),
];

function expectPlainGerman(html: string) {
  expect(plainGermanFindings(html)).toEqual([]);
}

describe("admin vocabulary", () => {
  it("a composite appointment's segments: Einwirkzeit 1, Buchungs-ID, Cal.com's English only on demand", () => {
    const html = renderToStaticMarkup(h(SegmentTable, { phases, timeZone: "Europe/Berlin", detailed: true }));
    const visible = html.replace(/<details[\s\S]*?<\/details>/g, "");
    expectPlainGerman(visible);
    expect(html).toContain("Einwirkzeit 1");
    expect(html).toContain("Einwirkzeit 2");
    expect(html).toContain("Buchungs-ID");
    expect(html).toContain("Buchungscode");
    expect(visible).toContain("Die Person ist zu dieser Zeit in Cal.com schon gebucht oder nicht verfügbar.");
    expect(html).toContain("<summary");
    expect(html).toContain("Originalmeldung von Cal.com");
  });

  it("the timeline names processing gaps, never their keys", () => {
    const html = renderToStaticMarkup(h(PhaseTimeline, { phases, timeZone: "Europe/Berlin" }));
    expectPlainGerman(html.replace(/data-segment="[^"]*"/g, ""));
    expect(html).toContain("Einwirkzeit 2");
  });

  it("service kinds and counts in German", () => {
    const html = renderToStaticMarkup(
      h("div", null, h(TypeBadge, { composite: true }), h(TypeBadge, { composite: false })),
    );
    expectPlainGerman(html);
    expect(html).toContain("Kombi-Leistung");
    expect(html).toContain("Einzelleistung");
    expect(serviceLabel("Strähnen", true, 1)).toBe("Strähnen (1 Segment)");
    expect(serviceLabel("Dauerwelle", true, 4)).toBe("Dauerwelle (4 Segmente)");
  });

  it("a call still going on says so instead of an outcome", () => {
    expect(renderToStaticMarkup(h(OutcomeBadge, { outcome: "no_booking", inProgress: true }))).toContain(
      "Läuft gerade",
    );
    expect(renderToStaticMarkup(h(OutcomeBadge, { outcome: "no_booking", inProgress: true }))).not.toContain(
      "Kein Termin",
    );
    expect(renderToStaticMarkup(h(OutcomeBadge, { outcome: "no_booking" }))).toContain("Kein Termin");
  });

  it("a stored sync message keeps SlotDesk's German and hides nothing else", () => {
    const html = renderToStaticMarkup(h(CalcomMessage, { message: "Cal.com kennt den Ereignistyp 12 nicht." }));
    expect(html).toBe("Cal.com kennt den Event-Typ 12 nicht.");
  });
});
