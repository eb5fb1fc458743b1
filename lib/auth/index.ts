export { getAuth } from "./auth";
export { addAdmin, addAdminInput } from "./add-admin";
export type { AddedAdmin } from "./add-admin";
export { changeOwnPassword, changePasswordInput } from "./change-password";
export { createAdminUser } from "./create-admin";
export type { AdminRole, NewAdmin } from "./create-admin";
export { listAdmins } from "./list-admins";
export type { AdminListEntry } from "./list-admins";
export {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  adminEmail,
  adminName,
  generateOneTimePassword,
  newPassword,
} from "./passwords";
export { removeAdmin, removeAdminInput } from "./remove-admin";
export { LOGIN_FAILED_MESSAGE, LOGIN_LOCKED_MESSAGE, signIn, signInInput } from "./sign-in";
// Session checks for pages and server actions need Next.js request scope: they are in ./web.ts,
// the web app's own entry, so the worker, seed and scripts can use this index without Next.js.
