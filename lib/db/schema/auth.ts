import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { instant, timestamps } from "./columns";
import { companies } from "./companies";

// Tables owned by better-auth (usePlural). Property names are better-auth's field names.

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    email: text("email").notNull().unique(),
    emailVerified: boolean("email_verified").notNull().default(false),
    image: text("image"),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    /** "owner" may add and remove the salon's admins; "admin" runs the salon. */
    role: text("role").notNull().default("admin"),
    /** Set for an invited admin's one-time password: the first login leads to choosing their own. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    ...timestamps,
  },
  (t) => [index("users_company_idx").on(t.companyId), check("users_role_check", sql`${t.role} in ('owner', 'admin')`)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    expiresAt: instant("expires_at").notNull(),
    token: text("token").notNull().unique(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: instant("access_token_expires_at"),
    refreshTokenExpiresAt: instant("refresh_token_expires_at"),
    scope: text("scope"),
    /** Password hash written by better-auth (scrypt). */
    password: text("password"),
    ...timestamps,
  },
  (t) => [index("accounts_user_idx").on(t.userId)],
);

export const verifications = pgTable("verifications", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: instant("expires_at").notNull(),
  ...timestamps,
});

/**
 * Failed logins per account (the normalised e-mail, whether or not it exists) and per client address,
 * shared by every web instance and by all salons alike. lib/auth/login-throttle.ts reads and writes it.
 */
export const loginThrottles = pgTable(
  "login_throttles",
  {
    kind: text("kind").notNull(),
    key: text("key").notNull(),
    /** Failures since `windowStartedAt`; back to 0 when they lead to a lock. */
    failures: integer("failures").notNull().default(0),
    windowStartedAt: instant("window_started_at").notNull(),
    lastFailureAt: instant("last_failure_at").notNull(),
    lockedUntil: instant("locked_until"),
    /** Locks so far: each further lock lasts twice as long, up to a maximum. */
    locks: integer("locks").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.key] }),
    check("login_throttles_kind_check", sql`${t.kind} in ('account', 'address')`),
    index("login_throttles_last_failure_idx").on(t.lastFailureAt),
  ],
);
