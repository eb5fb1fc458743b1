import type { Company } from "../context";
import { decryptOptional } from "../crypto";
import { env } from "../env";
import { CalcomError } from "./errors";

export const CALCOM_NOT_CONNECTED = "Cal.com nicht verbunden: In den Einstellungen API-URL und API-Key eintragen.";

/** Where a company's Cal.com requests go; "none" is shown and reported, never replaced by a fallback. */
export type CalcomSource = "company" | "server" | "simulator" | "none";
/** `publicOnly`: the URL is a salon's own setting, so its host must resolve to public addresses. */
export type CalcomTarget = { baseUrl: string; apiKey: string; simulated: boolean; publicOnly: boolean };
export type CalcomConnection = ({ connected: true } & CalcomTarget) | { connected: false; message: string };

/**
 * The company's own settings, else CALCOM_API_URL/KEY, else the bundled simulator — only when
 * CALCOM_SIMULATOR_URL names one (`npm run dev` / `npm start` set it when they start it). Takes whether
 * the company has a URL and a key, so pages can tell without decrypting anything.
 */
export function calcomSourceFor(hasOwnSettings: boolean): CalcomSource {
  if (hasOwnSettings) return "company";
  const config = env();
  if (config.CALCOM_API_URL && config.CALCOM_API_KEY) return "server";
  return config.CALCOM_SIMULATOR_URL ? "simulator" : "none";
}

/** Where a company's Cal.com lives; the simulator has one account per company (its own rate-limit bucket). */
export function calcomConnectionFor(company: Company): CalcomConnection {
  const ownKey = decryptOptional(company.calcomApiKeyEncrypted);
  const config = env();
  switch (calcomSourceFor(Boolean(company.calcomApiBaseUrl && ownKey))) {
    case "company":
      return {
        connected: true,
        baseUrl: company.calcomApiBaseUrl!,
        apiKey: ownKey!,
        simulated: false,
        publicOnly: !config.CALCOM_ALLOW_PRIVATE_URLS,
      };
    case "server":
      return {
        connected: true,
        baseUrl: config.CALCOM_API_URL!,
        apiKey: config.CALCOM_API_KEY!,
        simulated: false,
        publicOnly: false,
      };
    case "simulator":
      return {
        connected: true,
        baseUrl: config.CALCOM_SIMULATOR_URL!,
        apiKey: simulatorKeyFor(company.id),
        simulated: true,
        publicOnly: false,
      };
    case "none":
      return { connected: false, message: CALCOM_NOT_CONNECTED };
  }
}

/** The same for callers whose Cal.com errors reach the admin already: not connected is a CalcomError there. */
export function calcomTargetFor(company: Company): CalcomTarget {
  const connection = calcomConnectionFor(company);
  if (!connection.connected) throw new CalcomError("not_connected", connection.message, null, "calcom_not_connected");
  return connection;
}

export const simulatorKeyFor = (companyId: string) => `cal_sim_${companyId.replace(/-/g, "").slice(0, 16)}`;
