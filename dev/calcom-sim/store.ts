import type {
  SimAccount,
  SimBooking,
  SimEventType,
  SimReservation,
  SimSnapshot,
  SimTeam,
  SimUser,
  SimWebhook,
} from "./types";

/** In-memory state of the simulator: accounts, users, teams, event types, bookings, webhooks, id counters. */

const FIRST_EVENT_TYPE_ID = 4_000_000;
const FIRST_BOOKING_ID = 13_068_988;
const FIRST_USER_ID = 1_000_001;

/** The instance an API key works in. */
export const instanceOf = (account: SimAccount) => account.accountKey ?? account.apiKey;
const teamKey = (accountKey: string, id: number) => `${accountKey}#${id}`;

export class SimStore {
  users = new Map<number, SimUser>();
  accounts = new Map<string, SimAccount>();
  teams = new Map<string, SimTeam>();
  eventTypes = new Map<number, SimEventType>();
  bookings = new Map<string, SimBooking>();
  webhooks = new Map<string, SimWebhook>();
  /** Slot reservations are short-lived and not persisted. */
  reservations = new Map<string, SimReservation>();
  nextIds = { eventType: FIRST_EVENT_TYPE_ID, booking: FIRST_BOOKING_ID, user: FIRST_USER_ID };

  constructor(private readonly onChange: () => void) {}

  /** Call after every mutation: schedules persistence. */
  changed(): void {
    this.onChange();
  }

  /** The account of an API key, registered (with a user of its own unless `userId` is given) on first sight. */
  account(apiKey: string, userId?: number, accountKey?: string): SimAccount {
    const existing = this.accounts.get(apiKey);
    if (existing) return existing;
    const account: SimAccount = {
      apiKey,
      userId: userId ?? this.newOwner().id,
      ...(accountKey && accountKey !== apiKey ? { accountKey } : {}),
    };
    if (userId !== undefined) this.ensureUser(userId);
    this.accounts.set(apiKey, account);
    this.changed();
    return account;
  }

  private newOwner(): SimUser {
    while (this.users.has(this.nextIds.user)) this.nextIds.user++;
    const id = this.nextIds.user++;
    const n = this.accounts.size + 1;
    const user = {
      id,
      name: `Sim Owner ${n}`,
      email: `owner${n}.${id}@sim.cal.local`,
      username: `sim-owner-${id}`,
      timeZone: "Europe/Berlin",
    };
    this.users.set(id, user);
    return user;
  }

  /** A host user; unknown ids get a generated profile (the name is updated when one is given). */
  ensureUser(id: number, name?: string, timeZone?: string): SimUser {
    const found = this.users.get(id);
    if (found) {
      if (name) found.name = name;
      return found;
    }
    const user = {
      id,
      name: name ?? `Host ${id}`,
      email: `user${id}@sim.cal.local`,
      username: `user-${id}`,
      timeZone: timeZone ?? "Europe/Berlin",
    };
    this.users.set(id, user);
    return user;
  }

  user(id: number): SimUser {
    return this.ensureUser(id);
  }

  team(accountKey: string, id: number): SimTeam | undefined {
    return this.teams.get(teamKey(accountKey, id));
  }

  putTeam(team: SimTeam): void {
    this.teams.set(teamKey(team.accountKey, team.id), team);
    this.changed();
  }

  nextEventTypeId(): number {
    while (this.eventTypes.has(this.nextIds.eventType)) this.nextIds.eventType++;
    return this.nextIds.eventType++;
  }

  nextBookingId(): number {
    return this.nextIds.booking++;
  }

  instanceBookings(accountKey: string): SimBooking[] {
    return [...this.bookings.values()].filter((b) => b.accountKey === accountKey);
  }

  snapshot(): SimSnapshot {
    return structuredClone({
      version: 1 as const,
      nextIds: this.nextIds,
      users: [...this.users.values()],
      accounts: [...this.accounts.values()],
      teams: [...this.teams.values()],
      eventTypes: [...this.eventTypes.values()],
      bookings: [...this.bookings.values()],
      webhooks: [...this.webhooks.values()],
    });
  }

  load(snapshot: SimSnapshot): void {
    const s = structuredClone(snapshot);
    this.users = new Map((s.users ?? []).map((u) => [u.id, u]));
    this.accounts = new Map((s.accounts ?? []).map((a) => [a.apiKey, a]));
    this.teams = new Map((s.teams ?? []).map((t) => [teamKey(t.accountKey, t.id), t]));
    this.eventTypes = new Map((s.eventTypes ?? []).map((e) => [e.id, e]));
    this.bookings = new Map((s.bookings ?? []).map((b) => [b.uid, b]));
    this.webhooks = new Map((s.webhooks ?? []).map((w) => [w.id, w]));
    this.reservations.clear();
    const maxId = (ids: number[], floor: number) => Math.max(floor, ...ids.map((i) => i + 1));
    this.nextIds = {
      eventType: Math.max(s.nextIds?.eventType ?? 0, maxId([...this.eventTypes.keys()], FIRST_EVENT_TYPE_ID)),
      booking: Math.max(
        s.nextIds?.booking ?? 0,
        maxId(
          [...this.bookings.values()].map((b) => b.id),
          FIRST_BOOKING_ID,
        ),
      ),
      user: Math.max(s.nextIds?.user ?? 0, FIRST_USER_ID),
    };
    this.changed();
  }

  reset(): void {
    this.load({
      version: 1,
      nextIds: { eventType: FIRST_EVENT_TYPE_ID, booking: FIRST_BOOKING_ID, user: FIRST_USER_ID },
      users: [],
      accounts: [],
      eventTypes: [],
      bookings: [],
      webhooks: [],
    });
  }
}
