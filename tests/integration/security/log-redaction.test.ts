import { inspect } from "node:util";
import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createLogger, REDACTED } from "@/lib/logger";

/** The real logger configuration writing into a string instead of stdout. */
function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger(stream, "info"), text: () => lines.join("") };
}

const PHONES = Array.from({ length: 23 }, (_, i) => `+49151${String(4_400_000 + i).padStart(8, "0")}`);

describe("logs", () => {
  it("redact phone numbers, e-mails, names, passwords, tokens and raw call objects", () => {
    const { log, text } = capturedLogger();
    log.info(
      {
        phone: PHONES[0],
        customer: { name: "Anna Beispiel", email: "anna@example.de" },
        input: { password: "Geheim-2026", apiKey: "cal_live_123" },
        headers: { authorization: "Bearer tok-987" },
        call: { from_number: PHONES[1], transcript: "Hallo, hier ist Anna" },
        appointmentId: 42,
      },
      "booking changed",
    );
    const written = text();
    for (const secret of [PHONES[0], PHONES[1], "Anna", "anna@example.de", "Geheim-2026", "cal_live_123", "tok-987"])
      expect(written).not.toContain(secret);
    expect(written).toContain(REDACTED);
    expect(JSON.parse(written)).toMatchObject({ appointmentId: 42, msg: "booking changed" });
  });

  it("name a failed query by its SQL text and SQLSTATE, never by its bound parameters", async () => {
    await getDb().execute(sql`create table log_probe (phone text primary key)`);
    await getDb().execute(sql`insert into log_probe (phone) values (${PHONES[0]})`);
    const values = sql.join(
      PHONES.map((phone) => sql`(${phone})`),
      sql`, `,
    );
    const error = await getDb()
      .execute(sql`insert into log_probe (phone) values ${values}`)
      .then(() => undefined)
      .catch((e: unknown) => e as Error);
    if (!error) throw new Error("the duplicate phone number was accepted");

    const { log, text } = capturedLogger();
    log.error({ err: error }, "server action failed");
    log.error(error);
    const written = text();
    for (const phone of PHONES) expect(written).not.toContain(phone.slice(1));
    const [line] = written
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(line.err).toMatchObject({ code: "23505" });
    expect(line.err.query).toContain("insert into log_probe");
    // What Next.js and pg-boss print or store of the error itself carries no parameter either.
    expect(`${error.message}\n${error.stack}\n${inspect(error, { depth: 5 })}`).not.toContain(PHONES[0]!.slice(1));
  });

  it("escape control characters, so a value cannot forge or hide a log line", () => {
    const { log, text } = capturedLogger();
    const forged = 'Anna\n{"level":30,"msg":"login ok"}\r\u001b[2K\u007f\u009b31m\u2028\u2029\u202eevil';
    log.warn({ reason: forged }, `customer ${forged}`);
    const written = text();
    expect(written.split("\n")).toHaveLength(2); // one line and its terminator
    // eslint-disable-next-line no-control-regex -- raw control characters are what the line must not hold
    expect(written).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
    expect(written).toContain("\\u2028");
    const line = JSON.parse(written);
    expect(line.reason).toBe(forged);
    expect(line.msg).toBe(`customer ${forged}`);
  });
});
