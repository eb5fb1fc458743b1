import { eq, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { companies, type OpeningHours } from "../db";
import { calcomSourceFor, type CalcomSource } from "../calcom";
import { webhookUrlFor } from "../calcom/provisioning";
import { notFound } from "../errors";

export type CompanySettings = {
  id: string;
  name: string;
  timeZone: string;
  address: string | null;
  openingHours: OpeningHours;
  slotGridMinutes: number;
  holdMinutes: number;
  allowGapBooking: boolean;
  retellAgentId: string | null;
  calcomApiBaseUrl: string | null;
  calcomTeamId: number | null;
  hasCalcomApiKey: boolean;
  hasWebhookSecret: boolean;
  calcomSource: CalcomSource;
  calcomWebhookUrl: string;
  calcomCustomerEmails: boolean;
  calcomAttendeeEmailDomain: string | null;
  parallelCalcomBooking: boolean;
  postSyncVerification: boolean;
};

/** The company's settings for the settings form; secrets only as "stored or not", never a value. */
export async function getSettings({ ctx }: { ctx: Ctx }): Promise<CompanySettings> {
  // The encrypted columns are reduced to booleans in SQL, so no secret ever reaches this process.
  const [row] = await ctx.db
    .select({
      id: companies.id,
      name: companies.name,
      timeZone: companies.timeZone,
      address: companies.address,
      openingHours: companies.openingHours,
      slotGridMinutes: companies.slotGridMinutes,
      holdMinutes: companies.holdMinutes,
      allowGapBooking: companies.allowGapBooking,
      retellAgentId: companies.retellAgentId,
      calcomApiBaseUrl: companies.calcomApiBaseUrl,
      calcomTeamId: companies.calcomTeamId,
      hasCalcomApiKey: sql<boolean>`${companies.calcomApiKeyEncrypted} is not null`,
      hasWebhookSecret: sql<boolean>`${companies.calcomWebhookSecretEncrypted} is not null`,
      calcomCustomerEmails: companies.calcomCustomerEmails,
      calcomAttendeeEmailDomain: companies.calcomAttendeeEmailDomain,
      parallelCalcomBooking: companies.parallelCalcomBooking,
      postSyncVerification: companies.postSyncVerification,
    })
    .from(companies)
    .where(eq(companies.id, ctx.company.id))
    .limit(1);
  if (!row) throw notFound("Salon");
  const calcomSource = calcomSourceFor(Boolean(row.calcomApiBaseUrl && row.hasCalcomApiKey));
  return { ...row, calcomSource, calcomWebhookUrl: webhookUrlFor(row.id) };
}
