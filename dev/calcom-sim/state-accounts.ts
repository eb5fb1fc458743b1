import { z } from "zod";
import { instanceOf, type SimStore } from "./store";
import type { SimAccount, SimTeam, SimUser } from "./types";

/** Seeding users (with working hours), API keys and teams — what a real Cal.com account has set up. */

const hhmm = z.string().regex(/^\d{2}:\d{2}$/, "HH:MM");
export const addUserSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1),
  email: z.string().optional(),
  username: z.string().optional(),
  timeZone: z.string().optional(),
  locale: z.string().optional(),
  schedule: z
    .object({
      id: z.number().int().positive(),
      timeZone: z.string().optional(),
      days: z.array(z.number().int().min(0).max(6)),
      startTime: hhmm,
      endTime: hhmm,
    })
    .optional(),
});
export type AddUserInput = z.input<typeof addUserSchema>;

export const addApiKeySchema = z.object({
  apiKey: z.string().startsWith("cal_", { error: "apiKey must start with cal_" }),
  /** The key's user; a new one when absent. */
  userId: z.number().int().positive().optional(),
  /** An existing key whose instance this key joins (default: a new instance). */
  accountKey: z.string().optional(),
});
export type AddApiKeyInput = z.input<typeof addApiKeySchema>;

export const addTeamSchema = z.object({
  apiKey: z.string().min(1),
  id: z.number().int().positive(),
  name: z.string().min(1),
  slug: z.string().optional(),
  members: z.array(z.object({ userId: z.number().int().positive(), role: z.enum(["OWNER", "ADMIN", "MEMBER"]) })),
});
export type AddTeamInput = z.input<typeof addTeamSchema>;

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export function addUser(store: SimStore, raw: AddUserInput): SimUser {
  const input = addUserSchema.parse(raw);
  const timeZone = input.timeZone ?? "Europe/Berlin";
  const user: SimUser = {
    id: input.id,
    name: input.name,
    email: input.email ?? `user${input.id}@sim.cal.local`,
    username: input.username ?? slug(input.name),
    timeZone,
    ...(input.locale ? { locale: input.locale } : {}),
    ...(input.schedule ? { schedule: { ...input.schedule, timeZone: input.schedule.timeZone ?? timeZone } } : {}),
  };
  store.users.set(user.id, user);
  store.changed();
  return user;
}

export function addApiKey(store: SimStore, raw: AddApiKeyInput): SimAccount {
  const input = addApiKeySchema.parse(raw);
  if (store.accounts.has(input.apiKey)) throw new Error(`API key ${input.apiKey} is already registered`);
  const joined = input.accountKey === undefined ? undefined : store.accounts.get(input.accountKey);
  if (input.accountKey !== undefined && !joined) throw new Error(`unknown accountKey ${input.accountKey}`);
  return store.account(input.apiKey, input.userId, joined ? instanceOf(joined) : undefined);
}

/** A team in the instance of `apiKey`. */
export function addTeam(store: SimStore, raw: AddTeamInput): SimTeam {
  const input = addTeamSchema.parse(raw);
  const account = store.account(input.apiKey);
  for (const m of input.members) store.ensureUser(m.userId);
  const team: SimTeam = {
    id: input.id,
    accountKey: instanceOf(account),
    name: input.name,
    slug: input.slug ?? slug(input.name),
    members: input.members,
  };
  store.putTeam(team);
  return team;
}
