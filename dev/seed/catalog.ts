import type { OpeningHours } from "../../lib/db";

type Hours = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, [string, string]>>;

export type DemoStaff = {
  /** Fixed ids for the two "Fabian Spitzer" records, taken from the incident reports. */
  id?: string;
  /** Records of one real person share a `person`; the generator never double-books a person. */
  person: string;
  name: string;
  email: string | null;
  phone: string | null;
  calcomUserId: number | null;
  hours: Hours;
  services: string[];
  /** Share of this person's appointments that land on this record (duplicates). */
  share?: number;
};

export type DemoSegment = [key: string, name: string, minutes: number, staffRequired: boolean];

export type DemoService = {
  name: string;
  synonyms: string[];
  priceCents: number;
  minutes?: number;
  segments?: DemoSegment[];
  /** How often callers book it. */
  weight: number;
};

export type DemoCompany = {
  name: string;
  timeZone: string;
  openingHours: OpeningHours;
  /** Bundesland (ISO code without "DE-"): its public holidays close the salon. */
  state: string;
  retellAgentId: string;
  phoneNumber: string;
  address: string;
  admin: { email: string; password: string; name: string };
  /** A second login without the owner role (the reception), so the demo shows roles and its checklist done. */
  receptionAdmin?: { email: string; password: string; name: string };
  staff: DemoStaff[];
  services: DemoService[];
  customerCount: number;
  daysBack: number;
  daysAhead: number;
  firstEventTypeId: number;
  randomSeed: number;
  calcomTeamId: number;
  webhookSecret: string;
  /** Seed 004: a mapping that points at a managed parent event type (not bookable). */
  managedParent?: { service: string; staffName: string; segmentKey: string; eventTypeId: number };
};

const weekdays = (from: string, to: string, days: (1 | 2 | 3 | 4 | 5 | 6 | 7)[]): Hours =>
  Object.fromEntries(days.map((d) => [d, [from, to]]));

/** The perm of seeds 000/001: four staff-required segments with two processing gaps, 2 h 15 in all. */
export const DAUERWELLE_SEGMENTS: DemoSegment[] = [
  ["A", "Haare wickeln", 50, true],
  ["GAP_1", "Einwirkzeit", 15, false],
  ["B", "Fixierung auftragen", 5, true],
  ["GAP_2", "Einwirkzeit", 10, false],
  ["C", "Auswaschen & Pflege", 15, true],
  ["D", "Schneiden & Styling", 40, true],
];

export const DEMO_SALON: DemoCompany = {
  name: "Salon Demo",
  timeZone: "Europe/Berlin",
  openingHours: {
    "1": [{ open: "09:00", close: "18:00" }],
    "2": [{ open: "09:00", close: "18:00" }],
    "3": [{ open: "09:00", close: "18:00" }],
    "4": [{ open: "09:00", close: "18:00" }],
    "5": [{ open: "09:00", close: "18:00" }],
    "6": [{ open: "09:00", close: "14:00" }],
    "7": [],
  },
  state: "BE",
  retellAgentId: "agent_demo",
  phoneNumber: "+4930123456",
  address: "Torstraße 112, 10119 Berlin",
  admin: { email: "admin@salon-demo.de", password: "SlotDesk-Demo-2026", name: "Sandra Keller" },
  receptionAdmin: { email: "rezeption@salon-demo.de", password: "SlotDesk-Rezeption-2026", name: "Mia Lorenz" },
  staff: [
    {
      id: "9f47fda1-977c-47aa-a87a-0e8cbeaeb119",
      person: "fabian",
      name: "Fabian Spitzer",
      email: "fabian@askproai.de",
      phone: "+4915112340001",
      calcomUserId: 1414768,
      hours: weekdays("09:00", "18:00", [1, 2, 3, 4, 5]),
      services: ["*"],
      share: 0.85,
    },
    {
      id: "6ad1fa25-12cf-4939-8fb9-c5f5cf407dfe",
      person: "fabian",
      name: "Fabian Spitzer",
      email: "fabian.spitzer@salon-demo.de",
      phone: null,
      calcomUserId: 1346408,
      hours: weekdays("09:00", "18:00", [1, 2, 3, 4, 5]),
      services: ["*"],
      share: 0.15,
    },
    {
      person: "emma",
      name: "Emma Wagner",
      email: "emma.wagner@salon-demo.de",
      phone: "+4915112340002",
      calcomUserId: 1414801,
      hours: { ...weekdays("10:00", "18:00", [2, 3, 4, 5]), 6: ["09:00", "14:00"] },
      services: ["*"],
    },
    {
      person: "lena",
      name: "Lena Hoffmann",
      email: "lena.hoffmann@salon-demo.de",
      phone: "+4915112340003",
      calcomUserId: 1414802,
      hours: weekdays("09:00", "17:00", [1, 2, 3, 4, 5]),
      services: [
        "Ansatzfärbung",
        "Ansatz + Längenausgleich",
        "Komplette Umfärbung/Blondierung",
        "Damenhaarschnitt",
        "Föhnen",
      ],
    },
    {
      person: "mehmet",
      name: "Mehmet Yilmaz",
      email: "mehmet.yilmaz@salon-demo.de",
      phone: "+4915112340004",
      calcomUserId: 1414803,
      hours: { ...weekdays("09:00", "18:00", [1, 3, 4, 5]), 6: ["09:00", "14:00"] },
      services: ["Herrenhaarschnitt", "Föhnen", "Damenhaarschnitt"],
    },
    {
      person: "sophie",
      name: "Sophie Becker",
      email: "sophie.becker@salon-demo.de",
      phone: "+4915112340005",
      calcomUserId: 1414804,
      hours: { ...weekdays("12:00", "18:00", [3, 4, 5]), 6: ["09:00", "14:00"] },
      services: ["Dauerwelle", "Damenhaarschnitt", "Föhnen"],
    },
  ],
  services: [
    {
      name: "Dauerwelle",
      synonyms: ["Dauerwellen", "Locken", "Dauerwelle machen"],
      priceCents: 8900,
      weight: 6,
      segments: DAUERWELLE_SEGMENTS,
    },
    {
      name: "Ansatzfärbung",
      // "Färben" and "Farbe" fit all three colour services: the agent asks which one.
      synonyms: ["Ansatz färben", "Ansatzfarbe", "Ansatz", "Färben", "Farbe"],
      priceCents: 6900,
      weight: 8,
      segments: [
        ["A", "Ansatzfärbung auftragen", 30, true],
        ["GAP_1", "Einwirkzeit", 30, false],
        ["B", "Auswaschen", 20, true],
        ["C", "Formschnitt", 40, true],
        ["D", "Föhnen & Styling", 40, true],
      ],
    },
    {
      name: "Ansatz + Längenausgleich",
      synonyms: ["Ansatz und Längen", "Längenausgleich", "Ansatz mit Längenausgleich", "Färben", "Farbe"],
      priceCents: 8900,
      weight: 4,
      segments: [
        ["A", "Ansatzfärbung & Längenausgleich auftragen", 30, true],
        ["GAP_1", "Einwirkzeit", 35, false],
        ["B", "Auswaschen", 30, true],
        ["C", "Formschnitt", 45, true],
        ["D", "Föhnen & Styling", 40, true],
      ],
    },
    {
      name: "Komplette Umfärbung/Blondierung",
      synonyms: ["Blondierung", "Umfärbung", "Komplettfärbung", "Blondieren", "Färben", "Farbe"],
      priceCents: 14900,
      weight: 3,
      segments: [
        ["A", "Ansatzfärbung & Blondierung auftragen", 35, true],
        ["GAP_1", "Einwirkzeit", 45, false],
        ["B", "Auswaschen", 35, true],
        ["C", "Formschnitt", 50, true],
        ["D", "Föhnen & Styling", 40, true],
      ],
    },
    {
      name: "Herrenhaarschnitt",
      synonyms: ["Herrenschnitt", "Männerhaarschnitt", "Haarschnitt Herren"],
      priceCents: 3200,
      minutes: 30,
      weight: 30,
    },
    {
      name: "Damenhaarschnitt",
      synonyms: ["Damenschnitt", "Frauenhaarschnitt", "Haarschnitt Damen"],
      priceCents: 5400,
      minutes: 60,
      weight: 25,
    },
    {
      name: "Föhnen",
      synonyms: ["Föhnfrisur", "Waschen und Föhnen", "Fönen"],
      priceCents: 2800,
      minutes: 30,
      weight: 14,
    },
  ],
  customerCount: 90,
  daysBack: 28,
  daysAhead: 21,
  firstEventTypeId: 3757759,
  randomSeed: 20251128,
  calcomTeamId: 4242,
  webhookSecret: "whsec_salon_demo_7f3a9c2e",
  managedParent: {
    service: "Ansatz + Längenausgleich",
    staffName: "Lena Hoffmann",
    segmentKey: "A",
    eventTypeId: 3982562,
  },
};

/** A second tenant with its own data, so isolation between companies can be seen and tested. */
export const SECOND_SALON: DemoCompany = {
  name: "Haarwerk Nord",
  timeZone: "Europe/Berlin",
  openingHours: {
    "1": [],
    "2": [{ open: "10:00", close: "19:00" }],
    "3": [{ open: "10:00", close: "19:00" }],
    "4": [{ open: "10:00", close: "19:00" }],
    "5": [{ open: "10:00", close: "19:00" }],
    "6": [{ open: "09:00", close: "15:00" }],
    "7": [],
  },
  state: "HH",
  retellAgentId: "agent_nord",
  phoneNumber: "+4940987654",
  address: "Eppendorfer Weg 23, 20259 Hamburg",
  admin: { email: "admin@haarwerk-nord.de", password: "Haarwerk-Nord-2026", name: "Jonas Krüger" },
  staff: [
    {
      person: "jonas",
      name: "Jonas Krüger",
      email: "jonas@haarwerk-nord.de",
      phone: "+4917099880001",
      calcomUserId: 2200101,
      hours: { ...weekdays("10:00", "19:00", [2, 3, 4, 5]), 6: ["09:00", "15:00"] },
      services: ["*"],
    },
    {
      person: "mia",
      name: "Mia Schulz",
      email: "mia@haarwerk-nord.de",
      phone: "+4917099880002",
      calcomUserId: 2200102,
      hours: weekdays("10:00", "19:00", [2, 3, 4, 5]),
      services: ["*"],
    },
  ],
  services: [
    { name: "Herrenhaarschnitt", synonyms: ["Herrenschnitt"], priceCents: 2900, minutes: 30, weight: 10 },
    { name: "Damenhaarschnitt", synonyms: ["Damenschnitt"], priceCents: 4900, minutes: 45, weight: 8 },
    {
      name: "Färben",
      synonyms: ["Farbe", "Haare färben"],
      priceCents: 7500,
      weight: 3,
      segments: [
        ["A", "Farbe auftragen", 30, true],
        ["GAP_1", "Einwirkzeit", 30, false],
        ["B", "Auswaschen & Föhnen", 30, true],
      ],
    },
  ],
  customerCount: 25,
  daysBack: 10,
  daysAhead: 10,
  firstEventTypeId: 4100001,
  randomSeed: 4242,
  calcomTeamId: 4343,
  webhookSecret: "whsec_haarwerk_nord_51d0e8b4",
};
