import type { Company } from "../context";
import { decryptOptional } from "../crypto/secrets";
import { env } from "../env";

export type CalcomTarget = { baseUrl: string; apiKey: string; simulated: boolean };

/**
 * Where a company's Cal.com lives: its own settings, else CALCOM_API_URL/KEY, else the bundled
 * simulator (one account per company, so each company has its own rate-limit bucket).
 */
export function calcomTargetFor(company: Company): CalcomTarget {
  const ownKey = decryptOptional(company.calcomApiKeyEncrypted);
  if (company.calcomApiBaseUrl && ownKey) return { baseUrl: company.calcomApiBaseUrl, apiKey: ownKey, simulated: false };
  const config = env();
  if (config.CALCOM_API_URL && config.CALCOM_API_KEY) return { baseUrl: config.CALCOM_API_URL, apiKey: config.CALCOM_API_KEY, simulated: false };
  return { baseUrl: `http://127.0.0.1:${config.CALCOM_SIM_PORT}/v2`, apiKey: simulatorKeyFor(company.id), simulated: true };
}

export const simulatorKeyFor = (companyId: string) => `cal_sim_${companyId.replace(/-/g, "").slice(0, 16)}`;
