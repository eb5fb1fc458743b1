import fs from "node:fs";
import path from "node:path";
import { createDb } from "../../lib/db";
import type { GhostBooking } from "../../dev/seed/seed-company";
import { buildSimulatorSnapshot } from "../../dev/seed/simulator-state";

/** Without CALCOM_API_URL/KEY the demo talks to the bundled simulator. */
export const usesSimulator = () => !(process.env.CALCOM_API_URL && process.env.CALCOM_API_KEY);

/**
 * The app never falls back to a simulator on its own (production would report "Cal.com nicht verbunden"),
 * so the stack and the Cal.com scripts name the one on CALCOM_SIM_PORT in CALCOM_SIMULATOR_URL.
 */
export function chooseSimulator(): boolean {
  if (!usesSimulator()) return false;
  process.env.CALCOM_SIMULATOR_URL = `http://127.0.0.1:${process.env.CALCOM_SIM_PORT || 3100}/v2`;
  return true;
}

export const simulatorStateFile = () =>
  process.env.CALCOM_SIM_STATE_FILE || path.join(process.cwd(), ".data", "calcom-sim.json");

/** Writes the simulator's starting state (accounts, event types, bookings, webhooks) from the database. */
export async function writeSimulatorState(url: string, ghosts: GhostBooking[]): Promise<void> {
  const handle = createDb(url, { max: 1, applicationName: "slotdesk-sim-state" });
  try {
    const snapshot = await buildSimulatorSnapshot(handle.db, {
      appUrl: process.env.APP_URL ?? "http://localhost:3000",
      ghosts,
    });
    const file = simulatorStateFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(snapshot));
    console.log(
      `Cal.com simulator state written: ${snapshot.eventTypes.length} event types, ${snapshot.bookings.length} bookings.`,
    );
  } finally {
    await handle.close();
  }
}
