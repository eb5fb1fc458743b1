/**
 * One phrase row: the `date` and `time` arguments as the voice agent fills them, the call's
 * start (`now`, ISO with offset, salon in Europe/Berlin) and what must come out:
 * "yyyy-MM-dd HH:mm", "yyyy-MM-dd" (no time given) or the failure reason. The optional fifth
 * column pins the UTC instant, for rows on or around DST switches.
 */
export type PhraseRow = [date: string | null, time: string | null, now: string, expected: string, utc?: string];

export const TIME_ZONE = "Europe/Berlin";

/** Sunday evening, the original incident call. */
export const SUN = "2025-11-23T21:04:00+01:00";
/** A Friday morning: "Freitag" now means next week's Friday. */
export const FRI = "2025-11-28T10:15:00+01:00";
/** A Wednesday: "diesen Montag" has already passed this week. */
export const WED = "2025-11-26T08:00:00+01:00";
/** Shortly before New Year: dates without a year roll over. */
export const DEC20 = "2025-12-20T11:00:00+01:00";
/** 28 November has just passed. */
export const NOV30 = "2025-11-30T09:00:00+01:00";
/** Saturday before the spring-forward Sunday 2026-03-29. */
export const MAR28 = "2026-03-28T18:30:00+01:00";
/** Saturday before the fall-back Sunday 2026-10-25. */
export const OCT24 = "2026-10-24T18:30:00+02:00";
/** 00:30 on Monday in Berlin, still Sunday in UTC: "heute" must be the salon's Monday. */
export const AFTER_MIDNIGHT = "2025-11-23T23:30:00Z";
/** Wednesday of the spring-forward week (Sunday 2026-03-29); Karfreitag 2026 is 3 April. */
export const MAR25 = "2026-03-25T10:00:00+01:00";
/** Wednesday after the fall-back Sunday 2026-10-25. */
export const OCT28 = "2026-10-28T10:00:00+01:00";
/** A Wednesday between Christmas and New Year 2026: named days roll over into 2027. */
export const DEC30 = "2026-12-30T10:00:00+01:00";
/** Silvester 2026 itself, a Thursday. */
export const DEC31 = "2026-12-31T09:00:00+01:00";
/** A Friday in November 2026: "den 5." is Saturday 5 December 2026. */
export const NOV20 = "2026-11-20T10:00:00+01:00";
