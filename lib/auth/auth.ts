import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { getDb, accounts, sessions, users, verifications } from "../db";
import { env } from "../env";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./passwords";

function buildAuth() {
  const config = env();
  return betterAuth({
    appName: "SlotDesk",
    baseURL: config.APP_URL,
    secret: config.AUTH_SECRET,
    database: drizzleAdapter(getDb(), {
      provider: "pg",
      usePlural: true,
      schema: { users, sessions, accounts, verifications },
    }),
    // Admins are created by the salon operator (seed or CLI), never by public sign-up.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
    },
    user: {
      additionalFields: {
        companyId: { type: "string", required: true, input: false },
        // Read into the session so pages know who may manage logins and who must set a password first.
        role: { type: "string", required: false, input: false, defaultValue: "admin" },
        mustChangePassword: { type: "boolean", required: false, input: false, defaultValue: false },
      },
    },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    advanced: {
      cookiePrefix: "slotdesk",
      useSecureCookies: config.APP_URL.startsWith("https://"),
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof buildAuth>;
const globalForAuth = globalThis as unknown as { slotdeskAuth?: { auth: Auth; dbUrl: string } };

export function getAuth(): Auth {
  const current = globalForAuth.slotdeskAuth;
  const dbUrl = env().DATABASE_URL;
  if (current && current.dbUrl === dbUrl) return current.auth;
  const auth = buildAuth();
  globalForAuth.slotdeskAuth = { auth, dbUrl };
  return auth;
}
