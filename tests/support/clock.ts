import { afterEach, beforeEach } from "vitest";
import { setServerClock } from "@/lib/time/clock";

/**
 * The server's clock for every test of this file: the tests decide their own "now" — also the one
 * below which nothing is offered or booked — instead of depending on the day they run.
 */
export function useServerClock(at: Date): void {
  beforeEach(() => setServerClock(at));
  afterEach(() => setServerClock(null));
}
