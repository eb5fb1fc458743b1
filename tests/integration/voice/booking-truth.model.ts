import fc from "fast-check";
import { expect } from "vitest";
import type { CallInfo } from "../../support/retell";

/** Retell resends a request after a timeout — also one whose appointment the caller has cancelled since. */
type Retry = "none" | "sequential" | "concurrent" | "after_cancel";

/** What one caller does next; the property test runs 2–4 callers' sequences concurrently. */
export type Step =
  | { kind: "check"; service: string; time: string }
  | { kind: "book"; service: string; time: string; precheck: boolean; retry: Retry }
  | { kind: "cancel"; pick: number }
  | { kind: "reschedule"; pick: number; time: string }
  | { kind: "list" };

// A handful of overlapping starts on one day with two stylists: a 30-minute cut and a 2½-hour perm.
const DATE = "2030-06-05";
const service = fc.constantFrom("Herrenhaarschnitt", "Herrenhaarschnitt", "Dauerwelle");
const time = fc.constantFrom("09:00", "09:30", "10:00", "11:00");
const pick = fc.nat({ max: 7 });

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("check" as const), service, time }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("book" as const),
      service,
      time,
      precheck: fc.boolean(),
      retry: fc.constantFrom<Retry>("none", "none", "sequential", "concurrent", "after_cancel"),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("reschedule" as const), pick, time }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("list" as const) }) },
);

type Answer = Record<string, any>;
type Send = (name: string, args: Record<string, unknown>) => Promise<Answer>;
const NO_SUCH_APPOINTMENT = 2_000_000_000;

/** One caller: its plan, and what its answers told it (appointment id → start in ms). */
export class Call {
  readonly active = new Map<number, number>();
  readonly cancelled = new Set<number>();
  private readonly booked: number[] = [];

  constructor(
    readonly info: CallInfo & { from_number: string },
    readonly steps: Step[],
  ) {}

  get phone() {
    return this.info.from_number;
  }

  /** Sends the step's requests, checks what each answer promises on its own, and records it. */
  async perform(step: Step, send: Send): Promise<Answer[]> {
    if (step.kind === "check") return [await this.check(step, send)];
    if (step.kind === "list") return [this.listed(await send("get_customer_appointments", {}))];
    if (step.kind === "book") return this.book(step, send);
    const id = this.booked.length ? this.booked[step.pick % this.booked.length]! : NO_SUCH_APPOINTMENT;
    if (step.kind === "cancel") return [await this.cancel(id, send)];
    const answer = await send("reschedule_appointment", { appointment_id: id, new_date: DATE, new_time: step.time });
    if (answer.rescheduled === true) {
      expect(answer.appointment_id).toBe(id);
      this.active.set(id, Date.parse(answer.start));
    }
    return [answer];
  }

  private async book(step: Extract<Step, { kind: "book" }>, send: Send): Promise<Answer[]> {
    const args = { service: step.service, date: DATE, time: step.time, customer_name: `Kunde ${this.phone.slice(-1)}` };
    const checked = step.precheck ? await this.check(step, send) : null;
    let answers: Answer[];
    if (step.retry === "concurrent") {
      answers = await Promise.all([send("book_appointment", args), send("book_appointment", args)]);
      const ids = new Set(answers.filter((a) => a.booked === true).map((a) => a.appointment_id));
      expect(ids.size, "two twins of one request booked two appointments").toBeLessThanOrEqual(1);
      answers.forEach((a) => this.recordBooking(a));
    } else {
      answers = [this.recordBooking(await send("book_appointment", args))];
      const first = answers[0]!;
      if (step.retry === "sequential") {
        const retry = this.recordBooking(await send("book_appointment", args));
        // Only this caller could have cancelled the first answer's appointment: it is active, the retry names it.
        if (first.booked === true) expect(retry).toMatchObject({ booked: true, appointment_id: first.appointment_id });
        answers.push(retry);
      }
      if (step.retry === "after_cancel" && first.booked === true) {
        const cancelled = await this.cancel(first.appointment_id, send);
        const again = this.recordBooking(await send("book_appointment", args));
        // Idempotency ends with the appointment: never the cancelled one again.
        const rebooked = again.appointment_id;
        if (cancelled.cancelled === true) expect(rebooked, "named the cancelled one").not.toBe(first.appointment_id);
        answers.push(cancelled, again);
      }
    }
    // A slot this call holds is booked by this call (contract §1: "book_appointment uses the hold").
    if (checked?.available === true)
      expect(
        answers.some((a) => a.booked === true),
        "held slot not booked",
      ).toBe(true);
    return checked ? [checked, ...answers] : answers;
  }

  private check(step: { service: string; time: string }, send: Send): Promise<Answer> {
    return send("check_availability", { service: step.service, date: DATE, time: step.time });
  }

  private async cancel(id: number, send: Send): Promise<Answer> {
    const answer = await send("cancel_appointment", { appointment_id: id });
    if (answer.cancelled === true) {
      expect(answer.appointment_id).toBe(id);
      this.active.delete(id);
      this.cancelled.add(id);
    }
    return answer;
  }

  private recordBooking(answer: Answer): Answer {
    expect(typeof answer.booked, JSON.stringify(answer)).toBe("boolean");
    if (answer.booked !== true) return answer;
    expect(answer.ok).toBe(true);
    this.active.set(answer.appointment_id, Date.parse(answer.start));
    if (!this.booked.includes(answer.appointment_id)) this.booked.push(answer.appointment_id);
    return answer;
  }

  private listed(answer: Answer): Answer {
    const listed = (answer.appointments as Answer[]).map((a) => [a.appointment_id, Date.parse(a.start)] as const);
    expect(new Map(listed), "get_customer_appointments").toEqual(this.active);
    return answer;
  }
}
