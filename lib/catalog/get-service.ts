import { and, asc, count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { appointments, serviceSegments, services, staffServices } from "../db";
import { AppError, parseInput } from "../errors";

const getInput = z.object({ id: z.number().int().positive() });

/** One service of the company with its segments in order, its staff and how many appointments use it. */
export async function getService({ ctx, input }: { ctx: Ctx; input: z.input<typeof getInput> }) {
  const { id } = parseInput(getInput, input);
  const service = await ctx.db.query.services.findFirst({
    where: and(eq(services.companyId, ctx.company.id), eq(services.id, id)),
    with: { segments: { orderBy: [asc(serviceSegments.sequenceOrder)] } },
  });
  if (!service) throw new AppError("NOT_FOUND", "Leistung nicht gefunden", { serviceId: id });
  const links = await ctx.db
    .select({ staffId: staffServices.staffId })
    .from(staffServices)
    .where(eq(staffServices.serviceId, id));
  const [used] = await ctx.db
    .select({ n: count() })
    .from(appointments)
    .where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.serviceId, id)));
  return { ...service, staffIds: links.map((l) => l.staffId), appointmentCount: used?.n ?? 0 };
}

export type ServiceDetail = Awaited<ReturnType<typeof getService>>;
