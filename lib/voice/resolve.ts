import { getCatalog } from "../catalog";
import { parseWhen } from "./dates/parse-when";
import { listAnd, listOr, matchByName } from "./matching";
import { say } from "./say";
import { normaliseWords } from "./normalise";
import { fail, type Resolved, type VoiceCtx } from "./types";

export type ServiceRef = { id: number; name: string; durationMinutes: number; composite: boolean };

/** The service the caller named, by name or synonym; ambiguous or unknown answers are German questions. */
export async function resolveService(ctx: VoiceCtx, spoken: string | undefined): Promise<Resolved<ServiceRef>> {
  if (!spoken?.trim())
    return {
      failure: fail(
        "missing_field",
        "Für welche Leistung möchten Sie einen Termin, zum Beispiel einen Haarschnitt oder eine Dauerwelle?",
        { field: "service" },
      ),
    };
  const rows = (await getCatalog(ctx)).services.filter((s) => s.active);
  const result = matchByName(
    spoken,
    rows.map((r) => ({ ...r, aliases: r.synonyms })),
  );
  if (result.kind === "match") {
    const { id, name, durationMinutes, composite } = result.item;
    return { value: { id, name, durationMinutes, composite } };
  }
  if (result.kind === "ambiguous") {
    const names = result.candidates.map((c) => c.name);
    return { failure: fail("ambiguous", `Meinen Sie ${listOr(names)}?`, { candidates: names }) };
  }
  const examples = rows.slice(0, 5).map((r) => r.name);
  return {
    failure: fail(
      "unknown_service",
      say(
        `„${spoken.trim()}“ bieten wir leider nicht an, wir haben zum Beispiel ${listOr(examples)}`,
        "Was davon darf es sein?",
      ),
      {
        services: rows.map((r) => r.name),
      },
    ),
  };
}

const NO_PREFERENCE = [
  "egal",
  "irgendwer",
  "irgendwen",
  "beliebig",
  "keine praferenz",
  "keinen wunsch",
  "wer zeit hat",
  "wer frei ist",
  "ist mir egal",
  "jemand",
];

/** A stylist as the caller names them: every active record of that person (duplicates share the name). */
export type StaffRef = { id: string; name: string; ids: string[] };

/**
 * The stylist the caller asked for; "egal" means anyone. Records sharing one name count as one
 * person, so "bei Herrn Spitzer" and "egal wer" see the same times of Fabian Spitzer.
 */
export async function resolveStaff(ctx: VoiceCtx, spoken: string | undefined): Promise<Resolved<StaffRef | null>> {
  const words = spoken ? normaliseWords(spoken) : "";
  if (!words || NO_PREFERENCE.some((p) => words.includes(p))) return { value: null };
  const rows = (await getCatalog(ctx)).staff.filter((m) => m.active && !m.merged);
  const result = matchByName(
    spoken!,
    rows.map((r) => ({ id: r.id, name: r.name, aliases: r.name.split(/\s+/) })),
  );
  const person = (name: string): StaffRef => {
    const ids = rows.filter((r) => r.name === name).map((r) => r.id);
    return { id: ids[0]!, name, ids };
  };
  if (result.kind === "match") return { value: person(result.item.name) };
  if (result.kind === "ambiguous") {
    const names = [...new Set(result.candidates.map((c) => c.name))];
    if (names.length === 1) return { value: person(names[0]!) };
    return { failure: fail("ambiguous", `Meinen Sie ${listOr(names)}?`, { candidates: names }) };
  }
  const team = [...new Set(rows.map((r) => r.name))];
  return {
    failure: fail(
      "unknown_staff",
      say(
        `${spoken!.trim()} arbeitet nicht bei uns, bei uns arbeiten ${listAnd(team)}`,
        "Bei wem möchten Sie den Termin?",
      ),
      { staff: team },
    ),
  };
}

export type When = { date: string; minute: number | null; start: Date | null };

/** Spoken or ISO date and time → salon-local day and instant, or the question to ask back. */
export function resolveWhen(
  ctx: VoiceCtx,
  date: string | undefined,
  time: string | undefined,
  field = "date",
): Resolved<When> {
  const parsed = parseWhen({ date, time, now: ctx.now, timeZone: ctx.company.timeZone });
  if (parsed.ok) return { value: { date: parsed.date, minute: parsed.minute, start: parsed.start } };
  if (parsed.reason === "missing") return { failure: fail("missing_field", parsed.question, { field }) };
  return { failure: fail("invalid_date", parsed.question) };
}
