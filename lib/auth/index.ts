export { getAuth } from "./auth";
export { createAdminUser } from "./create-admin";
export { getAdminCtx, requireAdminAction, requireAdminPage } from "./session";
export type { AdminCtx } from "./session";
