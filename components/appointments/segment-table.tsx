import { CalcomMessage } from "@/components/ui/calcom-message";
import { CopyValue } from "@/components/ui/copy-button";
import { Table, Td, Th } from "@/components/ui/table";
import { formatTimeDe } from "@/lib/time";
import { SegmentKey } from "./badges";
import { SyncBadge } from "./sync-badge";

export type SegmentView = {
  id: number;
  segmentKey: string;
  segmentName: string;
  startTime: Date;
  endTime: Date;
  durationMinutes: number;
  staffRequired: boolean;
  calcomSyncStatus: string | null;
  calcomBookingId: number | null;
  calcomBookingUid: string | null;
  calcomEventTypeId: number | null;
  syncErrorMessage: string | null;
};

/** Each phase with its Cal.com booking; processing gaps are shown but never booked. */
export function SegmentTable({
  phases,
  timeZone,
  detailed,
}: {
  phases: SegmentView[];
  timeZone: string;
  detailed: boolean;
}) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Segment</Th>
          <Th>Bezeichnung</Th>
          <Th>Von</Th>
          <Th>Bis</Th>
          {detailed ? <Th>Dauer</Th> : null}
          <Th>Cal.com</Th>
          <Th>Buchungs-ID</Th>
          {detailed ? <Th>Buchungscode</Th> : null}
          {detailed ? <Th>Event-Typ</Th> : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {phases.map((p) => (
          <tr key={p.id} className={p.staffRequired ? "" : "bg-slate-50/70"}>
            <Td>
              <SegmentKey value={p.segmentKey} staffRequired={p.staffRequired} />
            </Td>
            <Td>
              <div className="text-slate-900">{p.segmentName}</div>
              {!p.staffRequired ? (
                <div className="text-xs text-slate-500">Einwirkzeit – kein Mitarbeiter nötig</div>
              ) : null}
              {p.syncErrorMessage && p.calcomSyncStatus !== "synced" ? (
                <div className="mt-1 text-xs text-red-700">
                  <CalcomMessage message={p.syncErrorMessage} />
                </div>
              ) : null}
            </Td>
            <Td className="tabular-nums">{formatTimeDe(p.startTime, timeZone)}</Td>
            <Td className="tabular-nums">{formatTimeDe(p.endTime, timeZone)}</Td>
            {detailed ? <Td className="whitespace-nowrap tabular-nums">{p.durationMinutes} min</Td> : null}
            <Td>
              {p.staffRequired ? (
                <SyncBadge status={p.calcomSyncStatus} />
              ) : (
                <span className="text-xs text-slate-500">nicht gesendet</span>
              )}
            </Td>
            <Td>
              {p.calcomBookingId ? (
                <CopyValue value={String(p.calcomBookingId)} label="Buchungs-ID" />
              ) : (
                <span className="text-slate-500">–</span>
              )}
            </Td>
            {detailed ? (
              <Td>
                {p.calcomBookingUid ? (
                  <CopyValue value={p.calcomBookingUid} label="Buchungscode" />
                ) : (
                  <span className="text-slate-500">–</span>
                )}
              </Td>
            ) : null}
            {detailed ? <Td className="tabular-nums">{p.calcomEventTypeId ?? "–"}</Td> : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
