import { parseArgs } from "node:util";
import { createSalon, createSalonInput, FEDERAL_STATES } from "../lib/companies";
import { createDb } from "../lib/db";
import { isAppError, pgErrorCode } from "../lib/errors";
import { ensureDatabaseServer } from "./lib/database-server";
import { loadProjectEnv } from "./lib/env-file";

/**
 * `npm run salon:create -- --name "Salon Sonne" --timezone Europe/Berlin --state BY --admin-email
 * inhaberin@salon-sonne.de --admin-name "Maria Sonne" [--password …]`: a new salon and its owner's
 * login in one transaction. Without --password a one-time password is printed once.
 */
const USAGE = [
  "Aufruf: npm run salon:create -- --name <Salonname> --timezone <Zeitzone> --state <Bundesland>",
  "                                --admin-email <E-Mail> --admin-name <Name> [--password <Passwort>]",
  'Beispiel: npm run salon:create -- --name "Salon Sonne" --timezone Europe/Berlin --state BY \\',
  '            --admin-email inhaberin@salon-sonne.de --admin-name "Maria Sonne"',
].join("\n");

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

/** node:util's parseArgs explains in English; the person running this reads German. */
function argumentError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const what = /'([^']+)'/.exec(message ?? "")?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `Unbekannte Option ${what}.`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return `Bei ${what.split(" ")[0]} fehlt der Wert.`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    return `Unerwartetes Argument „${what}“ – Werte mit Leerzeichen bitte in Anführungszeichen setzen.`;
  }
  return `Ungültige Argumente: ${message ?? String(error)}`;
}

function readArguments() {
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      allowPositionals: false,
      options: {
        name: { type: "string" },
        timezone: { type: "string" },
        state: { type: "string" },
        "admin-email": { type: "string" },
        "admin-name": { type: "string" },
        password: { type: "string" },
      },
    });
    return values;
  } catch (error) {
    return fail([argumentError(error), USAGE]);
  }
}

const args = readArguments();
const required = {
  name: "--name",
  timezone: "--timezone",
  state: "--state",
  "admin-email": "--admin-email",
  "admin-name": "--admin-name",
};
const missing = Object.entries(required).filter(([key]) => !args[key as keyof typeof args]?.trim());
if (missing.length) fail([`Es fehlt: ${missing.map(([, flag]) => flag).join(", ")}.`, USAGE]);

const input = {
  name: args.name!,
  timeZone: args.timezone!,
  state: args.state!,
  adminEmail: args["admin-email"]!,
  adminName: args["admin-name"]!,
  password: args.password,
};
// Checked before any database is touched; the verb checks the same again.
const checked = createSalonInput.safeParse(input);
if (!checked.success) fail(["Salon nicht angelegt:", ...checked.error.issues.map((i) => `  – ${i.message}`)]);

loadProjectEnv("development");
const server = await ensureDatabaseServer("app", { shareRunning: true });
const handle = createDb(server.url, { max: 1, applicationName: "slotdesk-salon-create" });
let exitCode = 0;
try {
  const created = await createSalon({ ctx: { db: handle.db, actor: { type: "system" } }, input });
  const { company } = created;
  const state = company.state as keyof typeof FEDERAL_STATES;
  const appUrl = process.env.APP_URL ?? "http://localhost:3000";
  console.log(`Salon „${company.name}“ angelegt.`);
  console.log(`  ID:          ${company.id}`);
  console.log(`  Zeitzone:    ${company.timeZone}`);
  console.log(`  Bundesland:  ${state} (${FEDERAL_STATES[state]})`);
  console.log(`  Inhaber:in:  ${checked.data.adminName} <${checked.data.adminEmail}>`);
  if (created.passwordGenerated) {
    console.log(`  Einmal-Passwort: ${created.password}`);
    console.log("  Das Passwort wird nur jetzt angezeigt. Bei der ersten Anmeldung wird ein eigenes Passwort gewählt.");
  } else {
    console.log("  Passwort:    wie mit --password angegeben");
  }
  console.log(`  Anmeldung:   ${appUrl}/login`);
  console.log("Noch geschlossen: Öffnungszeiten, Mitarbeiter und Services unter „Einstellungen“ eintragen.");
} catch (error) {
  exitCode = 1;
  if (isAppError(error)) {
    const issues = (error.details?.issues ?? []) as { message: string }[];
    const lines = issues.length ? issues.map((i) => `  – ${i.message}`) : [`  – ${error.message}`];
    console.error(["Salon nicht angelegt:", ...lines].join("\n"));
  } else if (pgErrorCode(error) === "42P01") {
    console.error(
      "Salon nicht angelegt: Die Datenbank ist noch nicht eingerichtet. Bitte zuerst `npm run db:migrate` ausführen.",
    );
  } else {
    console.error(`Salon nicht angelegt: ${error instanceof Error ? error.message : String(error)}`);
  }
} finally {
  await handle.close();
  await server.stop();
}
process.exit(exitCode);
