import { SimHttpError } from "./errors";
import { instanceOf, type SimStore } from "./store";
import type { SimAccount, SimBooking, SimEventType, SimTeam, TeamRole } from "./types";

/**
 * Teams, roles and who may see what. A team id an instance has never seen is taken to be the
 * caller's own team (the simulator cannot know the teams of a real Cal.com account); the caller
 * becomes its owner.
 */

const RANK: Record<TeamRole, number> = { MEMBER: 0, ADMIN: 1, OWNER: 2 };
const ROLE_NAME: Record<TeamRole, string> = { MEMBER: "TEAM_MEMBER", ADMIN: "TEAM_ADMIN", OWNER: "TEAM_OWNER" };

export function ensureTeam(store: SimStore, accountKey: string, id: number, ownerUserId: number): SimTeam {
  const found = store.team(accountKey, id);
  if (found) return found;
  const team: SimTeam = {
    id,
    accountKey,
    name: `Team ${id}`,
    slug: `team-${id}`,
    members: [{ userId: ownerUserId, role: "OWNER" }],
  };
  store.putTeam(team);
  return team;
}

export function addMember(store: SimStore, team: SimTeam, userId: number, role: TeamRole = "MEMBER"): void {
  if (team.members.some((m) => m.userId === userId)) return;
  team.members.push({ userId, role });
  store.changed();
}

export const roleIn = (team: SimTeam | undefined, userId: number) =>
  team?.members.find((m) => m.userId === userId)?.role;
function isAdmin(team: SimTeam | undefined, userId: number): boolean {
  const role = roleIn(team, userId);
  return role !== undefined && RANK[role] >= RANK.ADMIN;
}

/** The team an event type belongs to: its own, or its managed parent's. */
export function teamOf(store: SimStore, et: SimEventType): SimTeam | undefined {
  const teamId =
    et.teamId ?? (et.parentEventTypeId === undefined ? undefined : store.eventTypes.get(et.parentEventTypeId)?.teamId);
  return teamId === undefined ? undefined : store.team(et.accountKey, teamId);
}

/** Cal.com's RolesGuard: the caller needs at least `minimum` in the team. */
export function requireTeamRole(store: SimStore, account: SimAccount, teamId: number, minimum: TeamRole): SimTeam {
  const team = ensureTeam(store, instanceOf(account), teamId, account.userId);
  const role = roleIn(team, account.userId);
  if (!role) throw new SimHttpError(403, `RolesGuard - User is not a member of the team with id=${teamId}.`);
  if (RANK[role] < RANK[minimum]) {
    throw new SimHttpError(
      403,
      `RolesGuard - user with id=${account.userId} does not have the minimum required role=${ROLE_NAME[minimum]} within team with id=${teamId}.`,
    );
  }
  return team;
}

/** Event types without owner and team (hand-written state files) belong to the instance's own key. */
const isInstanceRoot = (account: SimAccount) => instanceOf(account) === account.apiKey;
const orphan = (et: SimEventType) =>
  et.ownerId === null && et.teamId === undefined && et.parentEventTypeId === undefined;

export function canSeeEventType(store: SimStore, account: SimAccount, et: SimEventType): boolean {
  if (et.accountKey !== instanceOf(account)) return false;
  if (et.ownerId === account.userId) return true;
  if (roleIn(teamOf(store, et), account.userId)) return true;
  return orphan(et) && isInstanceRoot(account);
}

/** Bookings the list shows a key: its user's own, plus everything of the teams it administers. */
export function canListBooking(store: SimStore, account: SimAccount, b: SimBooking): boolean {
  if (b.accountKey !== instanceOf(account)) return false;
  const user = account.userId;
  const email = store.users.get(user)?.email.toLowerCase();
  if (b.hostUserIds.includes(user) || b.attendees.some((a) => a.email.toLowerCase() === email)) return true;
  const et = store.eventTypes.get(b.eventTypeId);
  if (!et) return isInstanceRoot(account);
  if (et.ownerId === user || isAdmin(teamOf(store, et), user)) return true;
  if (orphan(et)) return isInstanceRoot(account);
  // A team admin also sees the bookings of its members' personal event types.
  const owner = et.ownerId;
  return (
    owner !== null &&
    et.teamId === undefined &&
    [...store.teams.values()].some(
      (t) => t.accountKey === b.accountKey && isAdmin(t, user) && t.members.some((m) => m.userId === owner),
    )
  );
}

/** After loading a state file: teams only referenced by event types get the instance's key user as owner. */
export function adoptTeams(store: SimStore): void {
  for (const et of store.eventTypes.values()) {
    if (et.teamId === undefined || store.team(et.accountKey, et.teamId)) continue;
    const root = store.accounts.get(et.accountKey);
    if (!root) continue;
    const team = ensureTeam(store, et.accountKey, et.teamId, root.userId);
    for (const h of et.hosts) addMember(store, team, h.userId);
  }
}
