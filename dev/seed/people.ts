import type { Random } from "./random";

const FIRST = [
  "Anna",
  "Lukas",
  "Marie",
  "Jonas",
  "Sophie",
  "Leon",
  "Laura",
  "Paul",
  "Julia",
  "Felix",
  "Katharina",
  "Maximilian",
  "Hannah",
  "Tobias",
  "Lea",
  "Simon",
  "Sarah",
  "Florian",
  "Johanna",
  "Moritz",
  "Clara",
  "David",
  "Emilia",
  "Niklas",
  "Charlotte",
  "Jan",
  "Greta",
  "Elias",
  "Ida",
  "Finn",
  "Helga",
  "Jürgen",
  "Ursula",
  "Klaus",
  "Renate",
  "Günter",
  "Brigitte",
  "Wolfgang",
  "Monika",
  "Dieter",
  "Ayşe",
  "Murat",
  "Zeynep",
  "Olga",
  "Dmitri",
  "Agnieszka",
  "Piotr",
];
const LAST = [
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Becker",
  "Schulz",
  "Hoffmann",
  "Koch",
  "Richter",
  "Klein",
  "Wolf",
  "Schröder",
  "Neumann",
  "Schwarz",
  "Zimmermann",
  "Braun",
  "Krüger",
  "Hofmann",
  "Hartmann",
  "Lange",
  "Schmitt",
  "Werner",
  "Krause",
  "Meier",
  "Lehmann",
  "Köhler",
  "Maier",
  "Weiß",
  "Groß",
  "Özdemir",
  "Kaya",
  "Nowak",
  "Kowalski",
  "Petrović",
  "Jäger",
  "Böhm",
  "Straußberger",
];
const PREFIXES = ["151", "152", "157", "160", "162", "170", "171", "172", "176", "177", "179"];

export type DemoCustomer = { name: string; phone: string; email: string | null };

function emailFor(name: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z ]/g, "")
    .replace(/ +/g, ".");
  return `${ascii}@example.de`;
}

export function makeCustomers(random: Random, count: number, fixed: DemoCustomer[] = []): DemoCustomer[] {
  const customers = [...fixed];
  const seen = new Set(customers.map((c) => c.phone));
  while (customers.length < count) {
    const name = `${random.pick(FIRST)} ${random.pick(LAST)}`;
    const phone = `+49${random.pick(PREFIXES)}${random.int(1000000, 9999999)}`;
    if (seen.has(phone)) continue;
    seen.add(phone);
    customers.push({ name, phone, email: random.chance(0.4) ? emailFor(name) : null });
  }
  return customers;
}

export const randomCallerNumber = (random: Random): string =>
  `+49${random.pick(PREFIXES)}${random.int(1000000, 9999999)}`;
