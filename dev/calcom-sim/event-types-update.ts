import { z } from "zod";
import { type RouteCtx, type RouteResult, requireAccount, success } from "./context";
import { badRequest, MSG, notFound } from "./errors";
import { isManagedParent } from "./event-types";
import { teamEventTypeOutput } from "./event-types-output";
import { baseBody, checkLengths, hostsSchema, idParam } from "./event-types-routes";
import { parseBody } from "./http";
import { addMember, requireTeamRole } from "./teams";
import type { SimEventType } from "./types";

/**
 * PATCH /v2/teams/{teamId}/event-types/{id} (version-neutral, team admin): changes only what the body
 * names. A managed parent passes its settings on to its children, as Cal.com's managed event config does.
 */

const patchBody = z.object({ ...baseBody, hosts: hostsSchema }).partial();
type Patch = z.output<typeof patchBody>;

/** The fields a managed parent shares with its children (hosts are per child). */
function shared(patch: Patch): Partial<SimEventType> {
  const { hosts: _hosts, ...rest } = patch;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<SimEventType>;
}

export function updateTeamEventType(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const store = ctx.core.store;
  const team = requireTeamRole(store, account, idParam(ctx.params.teamId), "ADMIN");
  const id = idParam(ctx.params.id);
  const et = store.eventTypes.get(id);
  if (!et || et.accountKey !== team.accountKey || et.teamId !== team.id) throw notFound(MSG.eventTypeNotFound(id));
  const patch = parseBody(patchBody, ctx.body);
  checkLengths({
    lengthInMinutes: patch.lengthInMinutes ?? et.lengthInMinutes,
    lengthInMinutesOptions: patch.lengthInMinutesOptions ?? et.lengthInMinutesOptions,
  });
  if (patch.slug && patch.slug !== et.slug) {
    const taken = [...store.eventTypes.values()].some(
      (other) => other.accountKey === team.accountKey && other.teamId === team.id && other.slug === patch.slug,
    );
    if (taken) throw badRequest("Team event type with this slug already exists");
  }
  const changes = shared(patch);
  const options = patch.lengthInMinutesOptions;
  if (options) changes.metadata = { ...et.metadata, multipleDuration: options };
  Object.assign(et, changes);
  if (patch.hosts && !isManagedParent(et)) {
    et.hosts = patch.hosts.map((h) => ({
      userId: h.userId,
      name: store.ensureUser(h.userId).name,
      mandatory: h.mandatory ?? false,
      priority: h.priority ?? "medium",
    }));
    for (const h of et.hosts) addMember(store, team, h.userId);
  }
  if (isManagedParent(et)) {
    for (const child of store.eventTypes.values()) if (child.parentEventTypeId === et.id) Object.assign(child, changes);
  }
  store.changed();
  return success(teamEventTypeOutput(store, et));
}
