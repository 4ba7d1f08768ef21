"use server";
/** Accepting an invitation: the invitee's name and password; the data layer creates the account and uses the link up. */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { failure, type ActionResult } from "@/lib/actions/result";
import { requestIp } from "@/lib/auth/options";
import { acceptInvitation } from "@/lib/data/invitations";
import { formValues } from "@/lib/validation/admin";
import { AcceptInvitationSchema } from "@/lib/validation/users";

export async function acceptInvitationAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = AcceptInvitationSchema.safeParse(formValues(formData, ["token", "name", "password", "confirmPassword"]));
  if (!parsed.success) return failure(parsed.error);
  const ip = requestIp(await headers());
  try {
    await acceptInvitation(parsed.data.token, { name: parsed.data.name, password: parsed.data.password }, { ip });
  } catch (error) {
    return failure(error);
  }
  redirect("/login?reason=invited");
}
