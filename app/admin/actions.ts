"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import { setUserStatus } from "@/lib/data/users";
import { DataValidationError, ForbiddenError, NotFoundError } from "@/lib/data/errors";
import { UserStatusChangeSchema } from "@/lib/validation/users";

export type ActionState = { ok: boolean; message: string } | null;

export async function setUserStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requirePermission("user:manage", "/admin");
  const parsed = UserStatusChangeSchema.safeParse({ userId: formData.get("userId"), status: formData.get("status") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Invalid request" };
  try {
    const user = await setUserStatus(actor, parsed.data.userId, parsed.data.status);
    revalidatePath("/admin");
    return { ok: true, message: user.status === "ACTIVE" ? "The account is active again." : "The account was deactivated. Its sessions end on their next request." };
  } catch (error) {
    if (error instanceof DataValidationError || error instanceof ForbiddenError || error instanceof NotFoundError) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
}
