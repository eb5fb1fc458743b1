import { notFound } from "next/navigation";
import { requireAdminPage } from "@/lib/auth/web";
import { isAppError } from "@/lib/errors";
import { getStaff } from "@/lib/staff";

// Decides 404 (another salon's stylist, a malformed id) before the page starts streaming.
export default async function StaffMemberLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  const ctx = await requireAdminPage();
  const { id } = await params;
  await getStaff({ ctx, input: { id } }).catch((error) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
    throw error;
  });
  return children;
}
