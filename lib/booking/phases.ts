import { addMinutes } from "../time";

export type SegmentDefinition = {
  key: string;
  name: string;
  durationMinutes: number;
  staffRequired: boolean;
  sequenceOrder: number;
};

export type ServiceDefinition = {
  name: string;
  durationMinutes: number;
  composite: boolean;
  segments: SegmentDefinition[];
};

export type PlannedPhase = {
  segmentKey: string;
  segmentName: string;
  start: Date;
  end: Date;
  durationMinutes: number;
  staffRequired: boolean;
  sequenceOrder: number;
};

/**
 * Service + start → its phases back to back, processing gaps included. Durations are added to
 * the absolute instant, so a phase lasts its real minutes even across a DST switch.
 */
export function planPhases(service: ServiceDefinition, start: Date): PlannedPhase[] {
  const segments =
    service.composite && service.segments.length > 0
      ? [...service.segments].sort((a, b) => a.sequenceOrder - b.sequenceOrder)
      : [
          {
            key: "A",
            name: service.name,
            durationMinutes: service.durationMinutes,
            staffRequired: true,
            sequenceOrder: 1,
          },
        ];
  let cursor = start;
  return segments.map((segment, index) => {
    const end = addMinutes(cursor, segment.durationMinutes);
    const phase: PlannedPhase = {
      segmentKey: segment.key,
      segmentName: segment.name,
      start: cursor,
      end,
      durationMinutes: segment.durationMinutes,
      staffRequired: segment.staffRequired,
      sequenceOrder: index + 1,
    };
    cursor = end;
    return phase;
  });
}

export const totalMinutes = (phases: PlannedPhase[]): number => phases.reduce((sum, p) => sum + p.durationMinutes, 0);

export type Interval = { start: Date; end: Date };

/**
 * What an appointment blocks for its staff member: the whole span (the original behaviour),
 * or with gap booking allowed only its staff-required phases.
 */
export function blockingIntervals(
  phases: PlannedPhase[],
  allowGapBooking: boolean,
): (Interval & { sequenceOrder: number | null })[] {
  if (phases.length === 0) return [];
  if (!allowGapBooking) return [{ start: phases[0]!.start, end: phases[phases.length - 1]!.end, sequenceOrder: null }];
  return phases
    .filter((p) => p.staffRequired)
    .map((p) => ({ start: p.start, end: p.end, sequenceOrder: p.sequenceOrder }));
}

export const overlaps = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;
