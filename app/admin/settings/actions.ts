"use server";
/** Site settings and ad slot actions. Each change expires every public page (the "site" cache tag) in its transaction. */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, type ActionResult } from "@/lib/actions/result";
import { requireUser } from "@/lib/auth/session";
import { createAdSlot, deleteAdSlot, SOCIAL_NETWORKS, updateAdSlot, updateSiteSettings, type SocialLinks } from "@/lib/data/admin-settings";
import { AdSlotSchema, formValues, SiteSettingsSchema } from "@/lib/validation/admin";

export async function updateSettingsAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireUser("/admin/settings");
  const values = formValues(formData, ["siteName", "description", "logoUrl", "locale", "timeZone"]);
  const social = formValues(formData, SOCIAL_NETWORKS.map((n) => `social.${n}` as const));
  const parsed = SiteSettingsSchema.safeParse({
    ...values,
    socialLinks: Object.fromEntries(SOCIAL_NETWORKS.map((n) => [n, social[`social.${n}`]])),
  });
  if (!parsed.success) return failure(parsed.error);
  const socialLinks: SocialLinks = Object.fromEntries(Object.entries(parsed.data.socialLinks).filter(([, url]) => url));
  try {
    await updateSiteSettings(actor, { ...parsed.data, socialLinks });
    revalidatePath("/admin", "layout");
    return { ok: true, data: undefined, message: "Settings saved. Every public page shows them now." };
  } catch (error) {
    return failure(error);
  }
}

function adInput(formData: FormData) {
  return {
    ...formValues(formData, ["name", "placement", "kind", "imageUrl", "linkUrl", "altText", "html", "position"]),
    enabled: formData instanceof FormData && formData.get("enabled") === "on",
  };
}

export async function saveAdSlotAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireUser("/admin/settings");
  const id = formValues(formData, ["adSlotId"]).adSlotId;
  const parsed = AdSlotSchema.safeParse(adInput(formData));
  if (!parsed.success) return failure(parsed.error);
  try {
    if (id) await updateAdSlot(actor, id, parsed.data);
    else await createAdSlot(actor, parsed.data);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/admin/settings", "layout");
  redirect(`/admin/settings?ad=${id ? "saved" : "created"}`);
}

export async function deleteAdSlotAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireUser("/admin/settings");
  try {
    await deleteAdSlot(actor, formValues(formData, ["adSlotId"]).adSlotId);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/admin/settings", "layout");
  redirect("/admin/settings?ad=deleted");
}
