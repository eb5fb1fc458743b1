import { relations } from "drizzle-orm";
import { appointmentPhases, appointments } from "./appointments";
import { calls, functionCalls } from "./calls";
import { companies } from "./companies";
import { customers } from "./customers";
import { calcomEventMap, serviceSegments, services } from "./services";
import { staff, staffServices, staffWorkingHours } from "./staff";

export const companiesRelations = relations(companies, ({ many }) => ({
  staff: many(staff),
  services: many(services),
}));

export const staffRelations = relations(staff, ({ one, many }) => ({
  company: one(companies, { fields: [staff.companyId], references: [companies.id] }),
  workingHours: many(staffWorkingHours),
  services: many(staffServices),
}));

export const staffWorkingHoursRelations = relations(staffWorkingHours, ({ one }) => ({
  staff: one(staff, { fields: [staffWorkingHours.staffId], references: [staff.id] }),
}));

export const staffServicesRelations = relations(staffServices, ({ one }) => ({
  staff: one(staff, { fields: [staffServices.staffId], references: [staff.id] }),
  service: one(services, { fields: [staffServices.serviceId], references: [services.id] }),
}));

export const servicesRelations = relations(services, ({ one, many }) => ({
  company: one(companies, { fields: [services.companyId], references: [companies.id] }),
  segments: many(serviceSegments),
  staff: many(staffServices),
  eventMaps: many(calcomEventMap),
}));

export const serviceSegmentsRelations = relations(serviceSegments, ({ one }) => ({
  service: one(services, { fields: [serviceSegments.serviceId], references: [services.id] }),
}));

export const calcomEventMapRelations = relations(calcomEventMap, ({ one }) => ({
  service: one(services, { fields: [calcomEventMap.serviceId], references: [services.id] }),
  staff: one(staff, { fields: [calcomEventMap.staffId], references: [staff.id] }),
}));

export const callsRelations = relations(calls, ({ one, many }) => ({
  customer: one(customers, { fields: [calls.customerId], references: [customers.id] }),
  functionCalls: many(functionCalls),
  appointments: many(appointments),
}));

export const functionCallsRelations = relations(functionCalls, ({ one }) => ({
  call: one(calls, { fields: [functionCalls.callId], references: [calls.id] }),
}));

export const appointmentsRelations = relations(appointments, ({ one, many }) => ({
  customer: one(customers, { fields: [appointments.customerId], references: [customers.id] }),
  service: one(services, { fields: [appointments.serviceId], references: [services.id] }),
  staff: one(staff, { fields: [appointments.staffId], references: [staff.id] }),
  call: one(calls, { fields: [appointments.callId], references: [calls.id] }),
  phases: many(appointmentPhases),
}));

export const appointmentPhasesRelations = relations(appointmentPhases, ({ one }) => ({
  appointment: one(appointments, { fields: [appointmentPhases.appointmentId], references: [appointments.id] }),
  staff: one(staff, { fields: [appointmentPhases.staffId], references: [staff.id] }),
}));
