export { getAuth } from "./auth";
export { createAdminUser } from "./create-admin";
export type { AdminRole, NewAdmin } from "./create-admin";
export {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  adminEmail,
  adminName,
  generateOneTimePassword,
  newPassword,
} from "./passwords";
// Session checks for pages and server actions need Next.js request scope: they are in ./web.ts,
// the web app's own entry, so the worker, seed and scripts can use this index without Next.js.
