import fs from "node:fs";
import path from "node:path";
import type { SimSnapshot } from "./types";

/** JSON state file: loaded on start, written (debounced) after each change and on stop. */

const DEBOUNCE_MS = 100;

export function readStateFile(file: string): SimSnapshot | undefined {
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, "utf8");
  if (text.trim() === "") return undefined;
  const parsed = JSON.parse(text) as SimSnapshot;
  if (parsed?.version !== 1) throw new Error(`calcom-sim: unsupported state file version in ${file}`);
  return parsed;
}

function writeAtomically(file: string, snapshot: SimSnapshot): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(snapshot, null, 2));
  fs.renameSync(tmp, file);
}

export type Persister = { schedule(): void; flush(): void; cancel(): void };

export function createPersister(file: string | undefined, snapshot: () => SimSnapshot): Persister {
  let timer: NodeJS.Timeout | undefined;
  let dirty = false;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!file || !dirty) return;
    dirty = false;
    writeAtomically(file, snapshot());
  };
  return {
    schedule() {
      if (!file) return;
      dirty = true;
      if (timer) return;
      timer = setTimeout(flush, DEBOUNCE_MS);
      timer.unref();
    },
    flush,
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
