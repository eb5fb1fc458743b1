import type { AbsenceKind } from "../staff";
import type { LocalDate } from "../time";

/** A span of time; on a calendar day it is cut to that day's local midnight bounds. */
export type Span = { start: Date; end: Date };

export type CalendarPhase = Span & {
  id: number;
  name: string;
  /** false: Einwirkzeit — the customer waits, the stylist is free. */
  withStylist: boolean;
  /** Einwirkzeit that others may book, because the salon allows gap booking. */
  bookable: boolean;
};

export type CalendarAppointment = Span & {
  id: number;
  customerName: string;
  serviceName: string;
  status: "confirmed" | "completed" | "no_show";
  phases: CalendarPhase[];
};

/** A slot the voice agent offered in a call that is still going on. */
export type CalendarHold = Span & { id: number; callId: number };

export type CalendarAbsence = Span & { id: number; kind: AbsenceKind; allDay: boolean; weekly: boolean };

/** Time the stylist is busy in Cal.com (booked there directly). */
export type CalendarBusy = Span & { id: number };

/** Time nobody has taken, with the starts one can book at (the salon's slot grid). */
export type FreeTime = Span & { slots: Date[] };

export type StylistDay = {
  date: LocalDate;
  working: Span[];
  appointments: CalendarAppointment[];
  holds: CalendarHold[];
  absences: CalendarAbsence[];
  busy: CalendarBusy[];
  free: FreeTime[];
};

export type CalendarColumn = { staffId: string; label: string; color: string | null; days: StylistDay[] };

export type Closure =
  { kind: "closed" } | { kind: "special"; reason: string | null } | { kind: "holiday"; name: string };

export type CalendarDay = {
  date: LocalDate;
  /** The salon's opening hours that day (after special days and public holidays). */
  opening: Span[];
  /** Why the day differs from the usual week, or that the salon is closed all day. */
  closure: Closure | null;
};

export type Calendar = {
  view: "day" | "week";
  date: LocalDate;
  timeZone: string;
  slotMinutes: number;
  gapBooking: boolean;
  days: CalendarDay[];
  columns: CalendarColumn[];
  /** Every active stylist, shown or not (to choose whose columns to show). */
  stylists: { id: string; label: string }[];
  /** The chosen stylists; empty: all. */
  selected: string[];
};
