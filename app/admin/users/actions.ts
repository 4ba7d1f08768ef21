"use server";
/**
 * Staff actions: change a role, deactivate or reactivate, issue a password reset link. Each parses its form with
 * zod and calls the data layer, which checks the permission and the last-admin rule inside the transaction.
 */
import { revalidatePath } from "next/cache";
import { failure, type ActionResult } from "@/lib/actions/result";
import { requireUser } from "@/lib/auth/session";
import { issuePasswordReset } from "@/lib/data/password-resets";
import { setUserRole, setUserStatus } from "@/lib/data/users";
import { formValues } from "@/lib/validation/admin";
import { UserIdSchema, UserRoleChangeSchema, UserStatusChangeSchema } from "@/lib/validation/users";

const ROLE_LABEL = { ADMIN: "Admin", EDITOR: "Editor", JOURNALIST: "Journalist" } as const;

export async function setUserRoleAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireUser("/admin/users");
  const parsed = UserRoleChangeSchema.safeParse(formValues(formData, ["userId", "role"]));
  if (!parsed.success) return failure(parsed.error);
  try {
    const user = await setUserRole(actor, parsed.data.userId, parsed.data.role);
    revalidatePath("/admin/users");
    return { ok: true, data: undefined, message: `The role is now ${ROLE_LABEL[user.role]}. It applies from their next page.` };
  } catch (error) {
    return failure(error);
  }
}

export async function setUserStatusAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireUser("/admin/users");
  const parsed = UserStatusChangeSchema.safeParse(formValues(formData, ["userId", "status"]));
  if (!parsed.success) return failure(parsed.error);
  try {
    const user = await setUserStatus(actor, parsed.data.userId, parsed.data.status);
    revalidatePath("/admin/users");
    return {
      ok: true,
      data: undefined,
      message: user.status === "ACTIVE" ? "The account is active again." : "The account was deactivated. Its sessions end on their next request.",
    };
  } catch (error) {
    return failure(error);
  }
}

export type IssuedResetLink = { link: string; email: string; expiresAt: string; delivery: "sent" | "logged" | "failed" };

export async function issuePasswordResetAction(_previous: ActionResult<IssuedResetLink> | null, formData: FormData): Promise<ActionResult<IssuedResetLink>> {
  const actor = await requireUser("/admin/users");
  const parsed = UserIdSchema.safeParse(formValues(formData, ["userId"]));
  if (!parsed.success) return failure(parsed.error);
  try {
    const issued = await issuePasswordReset(actor, parsed.data.userId);
    revalidatePath("/admin/audit");
    return {
      ok: true,
      data: { link: issued.link, email: issued.email, expiresAt: issued.expiresAt.toISOString(), delivery: issued.delivery },
      message: `A reset link for ${issued.email} is ready. It works once, for 24 hours.`,
    };
  } catch (error) {
    return failure(error);
  }
}
