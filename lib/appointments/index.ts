export { getAppointmentDetail } from "./get-appointment";
export { appointmentListQuery, effectiveFrom, listAppointments } from "./list-appointments";
export type { AppointmentListQuery } from "./list-appointments";
export { staffSegmentCount } from "./segment-count";
export { recordAppointmentEvent } from "./record-event";
export type { AppointmentEvent, AppointmentEventKind } from "./record-event";
