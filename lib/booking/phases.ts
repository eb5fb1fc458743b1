import { addMinutes } from "../time/zoned";

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
      : [{ key: "A", name: service.name, durationMinutes: service.durationMinutes, staffRequired: true, sequenceOrder: 1 }];
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
