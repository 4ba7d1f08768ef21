/** /admin has no page of its own: the staff list is where admins start. */
import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";

export default async function AdminHome() {
  await requirePermission("admin:access", "/admin");
  redirect("/admin/users");
}
