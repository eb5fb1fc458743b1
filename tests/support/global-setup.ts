import type { TestProject } from "vitest/node";
import postgres from "postgres";
import { ensureDatabaseServer } from "../../scripts/lib/database-server";
import { loadProjectEnv } from "../../scripts/lib/env-file";
import { createBoss } from "../../lib/jobs/boss";
import { ensureQueues } from "../../lib/jobs/queues";
import { migrateDatabase } from "../../lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
    templateDatabase: string;
  }
}

/**
 * One migrated template database per run; every test file gets its own copy of it.
 * Uses TEST_DATABASE_SERVER_URL (set by `npm test`), DATABASE_URL's server, or an embedded PostgreSQL.
 */
export default async function setup(project: TestProject) {
  loadProjectEnv("test");
  const given = process.env.TEST_DATABASE_SERVER_URL;
  const server = given
    ? { urlFor: (db: string) => Object.assign(new URL(given), { pathname: `/${db}` }).toString(), stop: async () => {} }
    : await ensureDatabaseServer("test");
  const template = `slotdesk_template_${process.pid}`;
  const admin = postgres(server.urlFor("postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${template} with (force)`);
  await admin.unsafe(`create database ${template}`);
  const templateUrl = server.urlFor(template);
  await migrateDatabase(templateUrl);
  const boss = createBoss(templateUrl, "migrate");
  await boss.start();
  await ensureQueues(boss);
  await boss.stop({ graceful: false, wait: true });

  project.provide("databaseServerUrl", server.urlFor("postgres"));
  project.provide("templateDatabase", template);

  return async () => {
    await admin.unsafe(`drop database if exists ${template} with (force)`);
    await admin.end();
    await server.stop();
  };
}
