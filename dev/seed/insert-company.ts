import { createAdminUser } from "../../lib/auth";
import { type Tx, companies } from "../../lib/db";
import { encryptSecret } from "../../lib/crypto";
import type { DemoCompany } from "./catalog";

/** The salon, its owner's login and (Salon Demo) the reception's; returns the company id. */
export async function insertCompanyWithAdmin(
  tx: Tx,
  def: DemoCompany,
  passwordHash: string,
  receptionHash: string | null,
): Promise<string> {
  const [company] = await tx
    .insert(companies)
    .values({
      name: def.name,
      timeZone: def.timeZone,
      openingHours: def.openingHours,
      state: def.state,
      retellAgentId: def.retellAgentId,
      address: def.address,
      calcomTeamId: def.calcomTeamId,
      calcomWebhookSecretEncrypted: encryptSecret(def.webhookSecret),
    })
    .returning({ id: companies.id });
  const companyId = company!.id;
  const { name, email, password } = def.admin;
  await createAdminUser(tx, { companyId, name, email, password, role: "owner" }, passwordHash);
  if (def.receptionAdmin && receptionHash) {
    await createAdminUser(tx, { companyId, ...def.receptionAdmin, role: "admin" }, receptionHash);
  }
  return companyId;
}
