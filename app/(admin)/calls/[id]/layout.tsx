import { notFound } from "next/navigation";
import { requireAdminPage } from "@/lib/auth/web";
import { ownsCall, positiveId } from "@/lib/lists";

// Decides 404 before the page's loading state starts streaming (a streamed page cannot turn 404).
export default async function CallLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  const ctx = await requireAdminPage();
  const id = positiveId((await params).id);
  if (id === null || !(await ownsCall(ctx, id))) notFound();
  return children;
}
