import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTimeDe } from "@/lib/time";

type Leftover = { appointmentId: number; startsAt: Date; what: string; bookingUid: string };

/** After an erasure: the bookings Cal.com may still hold, for the operator to delete there by uid. */
export function CalcomLeftovers({ rows, timeZone }: { rows: Leftover[]; timeZone: string }) {
  if (rows.length === 0) return <p className="p-5 text-sm text-slate-500">In Cal.com ist nichts gespeichert.</p>;
  return (
    <Table>
      <thead>
        <tr>
          <Th>Datum</Th>
          <Th>Buchung</Th>
          <Th>Cal.com-Buchungs-UID</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.bookingUid}>
            <Td className="whitespace-nowrap tabular-nums">{formatDateTimeDe(r.startsAt, timeZone)}</Td>
            <Td>{r.what}</Td>
            <Td className="font-mono text-xs">{r.bookingUid}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
