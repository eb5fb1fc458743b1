import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import { adminEmail, adminName, createAdminUser, generateOneTimePassword, newPassword } from "../auth";
import type { Company, SystemCtx } from "../context";
import { companies, type OpeningHours } from "../db";
import { parseInput } from "../errors";
import { FEDERAL_STATES, isFederalState } from "./federal-states";
import { updateSalonInput } from "./update-salon";

const STATE_LIST = Object.keys(FEDERAL_STATES).join(" ");

const state = z.string({ error: `Bitte geben Sie das Bundesland an (${STATE_LIST}).` }).transform((value, issue) => {
  const code = value.trim().toUpperCase().replace(/^DE-/, "");
  if (isFederalState(code)) return code;
  issue.addIssue({
    code: "custom",
    message: `„${value}“ ist kein Bundesland. Bitte eines dieser Kürzel angeben: ${STATE_LIST}.`,
  });
  return z.NEVER;
});

export const createSalonInput = z.object({
  name: updateSalonInput.shape.name,
  timeZone: updateSalonInput.shape.timeZone,
  state,
  adminName,
  adminEmail,
  /** Absent: a one-time password is generated, shown once, and must be replaced at the first login. */
  password: newPassword.optional(),
});

/** Closed every day until the salon enters its hours in the settings. */
const NO_OPENING_HOURS: OpeningHours = { "1": [], "2": [], "3": [], "4": [], "5": [], "6": [], "7": [] };

export type CreatedSalon = { company: Company; adminUserId: string; password: string; passwordGenerated: boolean };

/**
 * A new salon and its owner's login, in one transaction: either both exist afterwards or nothing
 * does. No staff, services, Cal.com or Retell agent yet: the owner sets those up in the admin app.
 */
export async function createSalon({
  ctx,
  input,
}: {
  ctx: SystemCtx;
  input: z.input<typeof createSalonInput>;
}): Promise<CreatedSalon> {
  const values = parseInput(createSalonInput, input);
  const passwordGenerated = values.password === undefined;
  const password = values.password ?? generateOneTimePassword();
  // scrypt before the transaction: the transaction stays short.
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const [company] = await tx
      .insert(companies)
      .values({ name: values.name, timeZone: values.timeZone, state: values.state, openingHours: NO_OPENING_HOURS })
      .returning();
    const admin = {
      companyId: company!.id,
      name: values.adminName,
      email: values.adminEmail,
      password,
      role: "owner" as const,
      mustChangePassword: passwordGenerated,
    };
    const adminUserId = await createAdminUser(tx, admin, passwordHash);
    return { company: company!, adminUserId, password, passwordGenerated };
  });
}
