/**
 * The server's clock. Nothing is offered, held or booked before it, whatever a caller's
 * `start_timestamp` says. Tests set it (`setServerClock`) so every test decides its own "now";
 * a running app always reads the system clock.
 */
let override: (() => Date) | null = null;

export const serverNow = (): Date => (override ? override() : new Date());

/** The later of two instants: a reference "now" never reaches back before the server's clock. */
export const notBefore = (instant: Date | undefined, floor: Date = serverNow()): Date =>
  instant && instant.getTime() > floor.getTime() ? instant : floor;

/** For tests: a fixed instant, a function, or null for the system clock again. */
export function setServerClock(clock: Date | (() => Date) | null): void {
  override = clock === null ? null : clock instanceof Date ? () => new Date(clock.getTime()) : clock;
}
