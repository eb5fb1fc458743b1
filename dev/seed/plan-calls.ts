import {
  MONTH_NAMES_DE,
  timeSpoken,
  addDays,
  addMinutes,
  localDate,
  zonedInstant,
  type LocalDate,
} from "../../lib/time";
import type { DemoCompany } from "./catalog";
import {
  bookingConversation,
  infoConversation,
  noSlotConversation,
  randomCallId,
  type FunctionCallRecord,
  type Turn,
} from "./conversations";
import { randomCallerNumber, type DemoCustomer } from "./people";
import type { AppointmentDraft } from "./plan-appointments";
import type { Random } from "./random";

/** One call before it has ids; `draftIndex` points at the appointment it booked. */
export type CallDraft = {
  retellCallId: string;
  fromNumber: string;
  customerIndex: number | null;
  endedAt: Date;
  durationSeconds: number;
  turns: Turn[];
  summary: string;
  sentiment: string;
  successful: boolean;
  functionCalls: FunctionCallRecord[];
  draftIndex: number | null;
  outcome: "booked" | "no_booking" | "info";
};

const spokenDate = (date: LocalDate) => {
  const [, m, d] = date.split("-").map(Number);
  return `am ${d}. ${MONTH_NAMES_DE[m! - 1]}`;
};

/** One call per voice booking, then calls that booked nothing (questions, no free slot). */
export function planCalls(
  def: DemoCompany,
  now: Date,
  random: Random,
  drafts: AppointmentDraft[],
  customers: DemoCustomer[],
): CallDraft[] {
  const booked = bookingCalls(def, random, drafts, customers);
  return [...booked, ...callsWithoutBooking(def, now, random, customers)];
}

function bookingCalls(def: DemoCompany, random: Random, drafts: AppointmentDraft[], customers: DemoCustomer[]) {
  const tz = def.timeZone;
  const callDrafts: CallDraft[] = [];
  drafts.forEach((d, draftIndex) => {
    if (!d.voice) return;
    const customer = customers[d.customerIndex]!;
    const conversation = bookingConversation(
      {
        salonName: def.name,
        timeZone: tz,
        serviceName: d.service.name,
        staffName: def.staff[d.staffIndex]!.name,
        customerName: customer.name,
        start: d.start,
        end: d.end,
        spokenDate: spokenDate(localDate(d.start, tz)),
        spokenTime: timeSpoken(d.start, tz),
        phases: d.phases.map((p) => ({
          key: p.segmentKey,
          name: p.segmentName,
          start: p.start,
          end: p.end,
          staffRequired: p.staffRequired,
        })),
      },
      null,
      random.next,
    );
    callDrafts.push({
      retellCallId: d.retellCallId,
      fromNumber: customer.phone,
      customerIndex: d.customerIndex,
      endedAt: addMinutes(d.createdAt, 1),
      durationSeconds: random.int(70, 210),
      turns: conversation.turns,
      summary: conversation.summary,
      sentiment: random.weighted([
        ["Positive", 6],
        ["Neutral", 3],
        ["Negative", 1],
      ] as const),
      successful: true,
      functionCalls: conversation.functionCalls,
      draftIndex,
      outcome: "booked",
    });
  });
  return callDrafts;
}

function callsWithoutBooking(def: DemoCompany, now: Date, random: Random, customers: DemoCustomer[]) {
  const today = localDate(now, def.timeZone);
  const callDrafts: CallDraft[] = [];
  for (let offset = -def.daysBack; offset <= 0; offset++) {
    const date = addDays(today, offset);
    for (let n = random.int(0, 2); n > 0; n--) {
      const endedAt = zonedInstant(date, random.int(8 * 60, 19 * 60), def.timeZone);
      if (endedAt > now) continue;
      callDrafts.push(callWithoutBooking(def, random, customers, date, endedAt));
    }
  }
  return callDrafts;
}

function callWithoutBooking(
  def: DemoCompany,
  random: Random,
  customers: DemoCustomer[],
  date: LocalDate,
  endedAt: Date,
): CallDraft {
  const info = random.chance(0.55);
  const service = random.pick(def.services);
  const wanted = spokenDate(addDays(date, 1));
  const conversation = info
    ? infoConversation(def.name, random.pick(["hours", "prices"] as const))
    : noSlotConversation(def.name, service.name, wanted, "16 Uhr", ["14 Uhr 30", "17 Uhr 15"]);
  const known = random.chance(0.4);
  const customerIndex = known ? random.int(0, customers.length - 1) : null;
  return {
    retellCallId: randomCallId(random),
    fromNumber: customerIndex === null ? randomCallerNumber(random) : customers[customerIndex]!.phone,
    customerIndex,
    endedAt,
    durationSeconds: random.int(35, 140),
    turns: conversation.turns,
    summary: conversation.summary,
    sentiment: info ? "Neutral" : random.pick(["Neutral", "Negative"]),
    successful: info,
    functionCalls: info
      ? []
      : [
          {
            name: "check_availability",
            args: { service: service.name, date: wanted, time: "16 Uhr" },
            result: { ok: true, available: false, message: "Um 16 Uhr ist leider schon alles belegt." },
            latencyMs: random.int(15, 60),
          },
        ],
    draftIndex: null,
    outcome: info ? "info" : "no_booking",
  };
}
