"use server";
/**
 * Site settings, ad settings and ad slot actions. Each change expires every public page (the "site" cache tag) in
 * its transaction. Saving an image ad asks first whether its address shows an image (lib/data/ad-slots.ts), then
 * opens the slot's page, which shows the ad as readers will see it.
 */
import { z } from "zod";
import { ok, staffFormAction } from "@/lib/actions/safe-action";
import { checkAdImage, createAdSlot, deleteAdSlot, updateAdSlot } from "@/lib/data/ad-slots";
import { SOCIAL_NETWORKS, updateAdSettings, updateSiteSettings, type SocialLinks } from "@/lib/data/settings";
import { AdSettingsSchema, AdSlotSchema, IdSchema, SiteSettingsSchema } from "@/lib/validation/admin";

const socialField = (network: string) => `social.${network}`;

export const updateSettingsAction = staffFormAction(
  {
    schema: SiteSettingsSchema,
    fields: ["siteName", "description", "logoUrl", "locale", "timeZone", "brandColor", ...SOCIAL_NETWORKS.map(socialField)],
    shape: (values) => ({ ...values, socialLinks: Object.fromEntries(SOCIAL_NETWORKS.map((n) => [n, values[socialField(n)]])) }),
    returnTo: "/admin/settings",
    revalidate: { layout: "/admin" },
  },
  async (input, { user }) => {
    const socialLinks: SocialLinks = Object.fromEntries(Object.entries(input.socialLinks).filter(([, url]) => url));
    await updateSiteSettings(user, { ...input, socialLinks });
    return ok(undefined, "Settings saved. Every public page shows them now.");
  },
);

export const updateAdSettingsAction = staffFormAction(
  {
    schema: AdSettingsSchema,
    fields: ["houseAdText", "houseAdLinkUrl", "adParagraph"],
    shape: (values, form) => ({ ...values, houseAdEnabled: form.get("houseAdEnabled") === "on" }),
    returnTo: "/admin/settings",
    revalidate: { layout: "/admin" },
  },
  async (input, { user }) => {
    await updateAdSettings(user, input);
    return ok(undefined, "Ad settings saved. Every article page shows them now.");
  },
);

type SavedAdSlot = { id: string; isImageUnchecked: boolean };

/**
 * Creates a slot, or saves the one named by `adSlotId`; either way on to the slot's page, which previews it and says
 * when its image could not be checked.
 */
export const saveAdSlotAction = staffFormAction(
  {
    schema: z.object({ adSlotId: z.string().max(64) }).and(AdSlotSchema),
    fields: ["adSlotId", "name", "placement", "kind", "imageUrl", "linkUrl", "altText", "html", "position"],
    shape: (values, form) => ({ ...values, enabled: form.get("enabled") === "on" }),
    returnTo: "/admin/settings",
    revalidate: { layout: "/admin/settings" },
    redirect: ({ id, isImageUnchecked }: SavedAdSlot, { adSlotId }) => `/admin/settings/ads/${id}?ad=${adSlotId ? "saved" : "created"}${isImageUnchecked ? "&image=unchecked" : ""}`,
  },
  async ({ adSlotId, ...input }, { user }) => {
    const check = input.kind === "IMAGE" ? await checkAdImage(input.imageUrl) : null;
    const slot = adSlotId ? await updateAdSlot(user, adSlotId, input) : await createAdSlot(user, input);
    return ok({ id: slot.id, isImageUnchecked: check?.status === "unchecked" });
  },
);

export const deleteAdSlotAction = staffFormAction(
  {
    schema: z.object({ adSlotId: IdSchema }),
    fields: ["adSlotId"],
    returnTo: "/admin/settings",
    revalidate: { layout: "/admin/settings" },
    redirect: () => "/admin/settings?ad=deleted",
  },
  async ({ adSlotId }, { user }) => {
    await deleteAdSlot(user, adSlotId);
    return ok(undefined);
  },
);
