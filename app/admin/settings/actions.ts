"use server";
/** Site settings and ad slot actions. Each change expires every public page (the "site" cache tag) in its transaction. */
import { z } from "zod";
import { ok, staffFormAction } from "@/lib/actions/safe-action";
import { createAdSlot, deleteAdSlot, updateAdSlot } from "@/lib/data/ad-slots";
import { SOCIAL_NETWORKS, updateSiteSettings, type SocialLinks } from "@/lib/data/settings";
import { AdSlotSchema, IdSchema, SiteSettingsSchema } from "@/lib/validation/admin";

const socialField = (network: string) => `social.${network}`;

export const updateSettingsAction = staffFormAction(
  {
    schema: SiteSettingsSchema,
    fields: ["siteName", "description", "logoUrl", "locale", "timeZone", ...SOCIAL_NETWORKS.map(socialField)],
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

/** Creates a slot, or saves the one named by `adSlotId`; either way back to the settings page with a notice. */
export const saveAdSlotAction = staffFormAction(
  {
    schema: z.object({ adSlotId: z.string().max(64) }).and(AdSlotSchema),
    fields: ["adSlotId", "name", "placement", "kind", "imageUrl", "linkUrl", "altText", "html", "position"],
    shape: (values, form) => ({ ...values, enabled: form.get("enabled") === "on" }),
    returnTo: "/admin/settings",
    revalidate: { layout: "/admin/settings" },
    redirect: (_, { adSlotId }) => `/admin/settings?ad=${adSlotId ? "saved" : "created"}`,
  },
  async ({ adSlotId, ...input }, { user }) => {
    if (adSlotId) await updateAdSlot(user, adSlotId, input);
    else await createAdSlot(user, input);
    return ok(undefined);
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
