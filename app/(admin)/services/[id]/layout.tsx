import { notFound } from "next/navigation";
import { requireAdminPage } from "@/lib/auth/web";
import { isAppError } from "@/lib/errors";
import { positiveId } from "@/lib/lists";
import { getService } from "@/lib/catalog";

// Decides 404 before the page's loading state starts streaming (a streamed page cannot turn 404).
export default async function ServiceLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  const ctx = await requireAdminPage();
  const id = positiveId((await params).id);
  if (id === null) notFound();
  await getService({ ctx, input: { id } }).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return children;
}
