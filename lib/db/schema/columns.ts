import { bigint, timestamp } from "drizzle-orm/pg-core";

/** Every instant is timestamptz; conversion to the salon's zone happens only when rendering or speaking. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const timestamps = {
  createdAt: instant("created_at").notNull().defaultNow(),
  updatedAt: instant("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

/** bigint identity ids, as in the original system (appointment 762, phase 263). */
export const bigId = () => bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity();

export const bigRef = (name: string) => bigint(name, { mode: "number" });
