import { dateTimeSpoken, daySpoken, timeSpoken, isoWithOffset } from "../../lib/time";
import type { Random } from "./random";

export type Turn = { role: "agent" | "user"; content: string };
export type FunctionCallRecord = {
  name: string;
  args: Record<string, unknown>;
  result: Record<string, unknown>;
  latencyMs: number;
};

/** Retell's call ids: "call_" and 27 hex digits. */
export const randomCallId = (random: Random) => `call_${random.hex(27)}`;

export const transcriptText = (turns: Turn[]): string =>
  turns.map((t) => `${t.role === "agent" ? "Agent" : "User"}: ${t.content}`).join("\n") + "\n";

type Booking = {
  salonName: string;
  timeZone: string;
  serviceName: string;
  staffName: string;
  customerName: string;
  start: Date;
  end: Date;
  spokenDate: string;
  spokenTime: string;
  phases: { key: string; name: string; start: Date; end: Date; staffRequired: boolean }[];
};

export function bookingConversation(
  b: Booking,
  appointmentId: number | null,
  random: () => number,
): {
  turns: Turn[];
  functionCalls: FunctionCallRecord[];
  summary: string;
} {
  const when = dateTimeSpoken(b.start, b.timeZone);
  const iso = (d: Date) => isoWithOffset(d, b.timeZone);
  const turns: Turn[] = [
    {
      role: "agent",
      content: `Guten Tag, ${b.salonName}, hier spricht die digitale Assistentin. Wie kann ich Ihnen helfen?`,
    },
    { role: "user", content: `Hallo, ich hätte gern einen Termin für ${b.serviceName}.` },
    { role: "agent", content: "Sehr gern. Wann würde es Ihnen denn passen?" },
    { role: "user", content: `${b.spokenDate} um ${b.spokenTime}, wenn das geht.` },
    {
      role: "agent",
      content: `Einen Moment, ich schaue nach. ${when} ist frei, bei ${b.staffName}. Soll ich den Termin für Sie buchen?`,
    },
    { role: "user", content: "Ja, bitte." },
    { role: "agent", content: "Auf welchen Namen darf ich buchen?" },
    { role: "user", content: b.customerName },
    {
      role: "agent",
      content: `Vielen Dank, ${b.customerName}. Ihr Termin ist gebucht: ${when}. Wir freuen uns auf Sie. Auf Wiederhören!`,
    },
  ];
  const phases = b.phases.map((p) => ({
    key: p.key,
    name: p.name,
    start: iso(p.start),
    end: iso(p.end),
    staff_required: p.staffRequired,
  }));
  const latency = () => 12 + Math.floor(random() * 40);
  const functionCalls: FunctionCallRecord[] = [
    {
      name: "check_availability",
      args: { service: b.serviceName, date: b.spokenDate, time: b.spokenTime },
      result: {
        ok: true,
        available: true,
        message: `${when} ist frei, bei ${b.staffName}. Soll ich den Termin buchen?`,
        requested_start: iso(b.start),
        slot: { start: iso(b.start), end: iso(b.end), staff_name: b.staffName, phases },
        alternatives: [],
      },
      latencyMs: latency(),
    },
    {
      name: "book_appointment",
      args: { service: b.serviceName, date: b.spokenDate, time: b.spokenTime, customer_name: b.customerName },
      result: {
        ok: true,
        booked: true,
        appointment_id: appointmentId,
        message: `Der Termin ist gebucht: ${b.serviceName} am ${when} bei ${b.staffName}.`,
        start: iso(b.start),
        end: iso(b.end),
        staff_name: b.staffName,
        phases,
      },
      latencyMs: latency() + 15,
    },
  ];
  const summary = `${b.customerName} hat ${b.serviceName} für ${daySpoken(b.start, b.timeZone)} um ${timeSpoken(
    b.start,
    b.timeZone,
  )} bei ${b.staffName} gebucht. Der Anrufer war freundlich und hat den Termin bestätigt.`;
  return { turns, functionCalls, summary };
}

export function infoConversation(salonName: string, topic: "hours" | "prices"): { turns: Turn[]; summary: string } {
  const turns: Turn[] =
    topic === "hours"
      ? [
          {
            role: "agent",
            content: `Guten Tag, ${salonName}, hier spricht die digitale Assistentin. Wie kann ich Ihnen helfen?`,
          },
          { role: "user", content: "Hallo, wie lange haben Sie denn samstags geöffnet?" },
          {
            role: "agent",
            content: "Samstags haben wir von 9 bis 14 Uhr geöffnet. Möchten Sie gleich einen Termin vereinbaren?",
          },
          { role: "user", content: "Nein danke, ich melde mich noch mal." },
          { role: "agent", content: "Gern. Auf Wiederhören!" },
        ]
      : [
          {
            role: "agent",
            content: `Guten Tag, ${salonName}, hier spricht die digitale Assistentin. Wie kann ich Ihnen helfen?`,
          },
          { role: "user", content: "Was kostet bei Ihnen eine Dauerwelle?" },
          {
            role: "agent",
            content: "Eine Dauerwelle kostet bei uns 89 Euro und dauert etwa zwei Stunden und fünfzehn Minuten.",
          },
          { role: "user", content: "Okay, danke, dann überlege ich es mir." },
          { role: "agent", content: "Sehr gern. Einen schönen Tag noch!" },
        ];
  const summary =
    topic === "hours"
      ? "Der Anrufer hat nach den Öffnungszeiten am Samstag gefragt und keinen Termin gebucht."
      : "Die Anruferin hat nach dem Preis einer Dauerwelle gefragt und möchte es sich überlegen.";
  return { turns, summary };
}

export function noSlotConversation(
  salonName: string,
  serviceName: string,
  spokenDate: string,
  spokenTime: string,
  alternatives: string[],
): { turns: Turn[]; summary: string } {
  return {
    turns: [
      {
        role: "agent",
        content: `Guten Tag, ${salonName}, hier spricht die digitale Assistentin. Wie kann ich Ihnen helfen?`,
      },
      { role: "user", content: `Haben Sie ${spokenDate} um ${spokenTime} noch etwas frei für ${serviceName}?` },
      {
        role: "agent",
        content: `Um diese Zeit ist leider schon alles belegt. Ich könnte Ihnen ${alternatives.join(" oder ")} anbieten.`,
      },
      { role: "user", content: "Hm, das passt mir leider nicht. Ich rufe nächste Woche noch mal an." },
      { role: "agent", content: "Das verstehe ich. Bis bald und auf Wiederhören!" },
    ],
    summary: `Der Anrufer wollte ${serviceName} ${spokenDate} um ${spokenTime}; der Wunschtermin war belegt, die Alternativen passten nicht.`,
  };
}
