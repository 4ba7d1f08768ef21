"use server";
/** The signed-in person's own account: profile fields (public on the author page) and their password. */
import { revalidatePath } from "next/cache";
import { failure, type ActionResult } from "@/lib/actions/result";
import { requireUser } from "@/lib/auth/session";
import { changeOwnPassword, updateOwnProfile } from "@/lib/data/users";
import { formValues } from "@/lib/validation/admin";
import { PasswordChangeSchema, ProfileInputSchema } from "@/lib/validation/users";

export async function updateProfileAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await requireUser("/dashboard/profile");
  const parsed = ProfileInputSchema.safeParse(formValues(formData, ["name", "bio", "avatarUrl"]));
  if (!parsed.success) return failure(parsed.error);
  try {
    await updateOwnProfile(user, parsed.data);
    revalidatePath("/dashboard", "layout");
    return { ok: true, data: undefined, message: "Your profile was saved. Your author page shows it now." };
  } catch (error) {
    return failure(error);
  }
}

export async function changePasswordAction(_previous: ActionResult<{ email: string }> | null, formData: FormData): Promise<ActionResult<{ email: string }>> {
  const user = await requireUser("/dashboard/profile");
  const parsed = PasswordChangeSchema.safeParse(formValues(formData, ["currentPassword", "password", "confirmPassword"]));
  if (!parsed.success) return failure(parsed.error);
  try {
    await changeOwnPassword(user, { currentPassword: parsed.data.currentPassword, newPassword: parsed.data.password });
    return { ok: true, data: { email: user.email }, message: "Your password was changed. Signing you in again…" };
  } catch (error) {
    return failure(error);
  }
}
