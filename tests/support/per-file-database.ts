import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, inject } from "vitest";
import { stopProducer } from "../../lib/jobs/boss";
import { closeDb } from "../../lib/db/client";
import { closeSyncLocks } from "../../lib/calcom/sync/run-lock";
import { resetEnvCache } from "../../lib/env";

// Each test file runs against its own copy of the migrated template: real PostgreSQL, no sharing.
const serverUrl = inject("databaseServerUrl");
const template = inject("templateDatabase");
const name = `slotdesk_test_${randomBytes(5).toString("hex")}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name} template ${template}`);

const url = new URL(serverUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
// Tests point salons at the Cal.com simulator on 127.0.0.1: the explicit development setting.
process.env.CALCOM_ALLOW_PRIVATE_URLS = "true";
resetEnvCache();

afterAll(async () => {
  await stopProducer();
  await closeDb();
  await closeSyncLocks();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});
