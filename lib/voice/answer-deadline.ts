import type { Db } from "../db";
import { tunable } from "../env";
import { logger } from "../logger";

/**
 * A voice function answers in time or not at all: when the database is gone (a restart), queries
 * wait for it to come back, but the agent gives up after its own timeout (10 s). After
 * VOICE_ANSWER_DEADLINE_MS the caller hears the technical-problem sentence instead — and the work
 * still waiting must then not commit behind the caller's back: every transaction it opens checks
 * the deadline before its commit and rolls back once it has passed.
 */
export async function withinAnswerDeadline<T>(db: Db, work: (db: Db) => Promise<T>, onLate: () => T): Promise<T> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), tunable("VOICE_ANSWER_DEADLINE_MS"));
  const late = new Promise<"late">((resolve) => deadline.signal.addEventListener("abort", () => resolve("late")));
  const running = work(committingBefore(db, deadline.signal));
  try {
    const first = await Promise.race([running, late]);
    if (first !== "late") return first;
    running.catch((error: unknown) => logger.warn({ err: error }, "voice function ended after its deadline"));
    logger.error({ deadlineMs: tunable("VOICE_ANSWER_DEADLINE_MS") }, "voice function missed its deadline");
    return onLate();
  } finally {
    clearTimeout(timer);
  }
}

/** The same database, whose transactions roll back instead of committing once `signal` has fired. */
function committingBefore(db: Db, signal: AbortSignal): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "transaction") return Reflect.get(target, prop, receiver);
      const transaction = target.transaction.bind(target);
      return ((run, config) =>
        transaction(async (tx) => {
          signal.throwIfAborted();
          const result = await run(tx);
          signal.throwIfAborted();
          return result;
        }, config)) as Db["transaction"];
    },
  });
}
