import { notFound } from "next/navigation";
import { requireAdminPage } from "@/lib/auth/web";
import { getCustomer } from "@/lib/customers";
import { isAppError } from "@/lib/errors";

// Decides 404 (another salon's customer, a malformed id) before the page starts streaming.
export default async function CustomerLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  const ctx = await requireAdminPage();
  const { id } = await params;
  if (!/^\d{1,15}$/.test(id)) notFound();
  await getCustomer({ ctx, input: { id } }).catch((error) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
    throw error;
  });
  return children;
}
