export { getAuth } from "./auth";
export { createAdminUser } from "./create-admin";
// Session checks for pages and server actions need Next.js request scope: they are in ./web.ts,
// the web app's own entry, so the worker, seed and scripts can use this index without Next.js.
