import { type RouteCtx, type RouteResult, requireAccount, success } from "./context";
import { badRequest } from "./errors";
import { requireTeamRole } from "./teams";

/** GET /v2/me and GET /v2/teams/{teamId} (version-neutral). */

export function meRoute(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const u = ctx.core.store.user(account.userId);
  return success({
    id: u.id,
    email: u.email,
    name: u.name,
    avatarUrl: null,
    bio: null,
    timeFormat: 12,
    defaultScheduleId: u.schedule?.id ?? null,
    weekStart: "Monday",
    timeZone: u.timeZone,
    username: u.username,
    organizationId: null,
  });
}

export function teamRoute(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const raw = ctx.params.teamId ?? "";
  if (!/^\d+$/.test(raw)) throw badRequest("Validation failed (numeric string is expected)");
  const team = requireTeamRole(ctx.core.store, account, Number(raw), "MEMBER");
  return success({ id: team.id, name: team.name, slug: team.slug, isOrganization: false, parentId: null });
}
