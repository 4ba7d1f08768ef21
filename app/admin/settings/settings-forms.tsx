"use client";
/**
 * The site settings form, the ad settings form (the house message of empty slots, the in-article slot's paragraph)
 * and the ad slot form (an image with a link, or an HTML snippet shown in a sandboxed frame).
 */
import { useState } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SaveFooter } from "@/components/ui/save-footer";
import { useActionForm } from "@/components/ui/use-action-form";
import { deleteAdSlotAction, saveAdSlotAction, updateAdSettingsAction, updateSettingsAction } from "./actions";

type Settings = {
  siteName: string;
  description: string;
  logoUrl: string | null;
  locale: string;
  timeZone: string;
  brandColor: string;
  socialLinks: Partial<Record<string, string>>;
};

export function SettingsForm({
  settings,
  timeZones,
  networks,
}: {
  settings: Settings;
  timeZones: string[];
  networks: readonly (readonly [key: string, label: string])[];
}) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(updateSettingsAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField id="siteName" name="siteName" label="Site name" defaultValue={settings.siteName} required error={errors.siteName} />
      <TextAreaField
        id="description"
        name="description"
        label="Description"
        hint="Used by search engines and link previews. At most 300 characters."
        rows={2}
        defaultValue={settings.description}
        error={errors.description}
      />
      <TextField
        id="logoUrl"
        name="logoUrl"
        type="url"
        label="Logo URL"
        hint="Starting with https:// or a path on this site, such as /logo.png. Leave empty for the default."
        defaultValue={settings.logoUrl ?? ""}
        error={errors.logoUrl}
      />
      <TextField
        id="brandColor"
        name="brandColor"
        type="color"
        label="Newsletter colour"
        hint="The accent of the e-mail newsletters: the line above the logo, section names, buttons."
        defaultValue={settings.brandColor}
        controlClassName="h-11 max-w-24"
        error={errors.brandColor}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="locale"
          name="locale"
          label="Locale"
          hint="How dates read, as a language tag: en-US, es-MX…"
          defaultValue={settings.locale}
          required
          error={errors.locale}
        />
        <SelectField
          id="timeZone"
          name="timeZone"
          label="Time zone"
          hint="The newsroom's clock: publication times and dates use it."
          defaultValue={settings.timeZone}
          options={timeZones.map((zone) => [zone, zone.replaceAll("_", " ")] as const)}
          error={errors.timeZone}
        />
      </div>
      <fieldset className="rounded border border-gray-300 p-3">
        <legend className="px-1 text-sm font-semibold">Social links</legend>
        <p className="text-xs text-muted">The full address of each profile. Leave empty for networks the site is not on.</p>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {networks.map(([key, label]) => (
            <TextField
              key={key}
              id={`social-${key}`}
              name={`social.${key}`}
              type="url"
              label={label}
              defaultValue={settings.socialLinks[key] ?? ""}
              error={errors[`socialLinks.${key}`]}
            />
          ))}
        </div>
      </fieldset>
      <SaveFooter message={message} pending={pending}>
        Save settings
      </SaveFooter>
    </form>
  );
}

type AdSettings = { houseAdEnabled: boolean; houseAdText: string; houseAdLinkUrl: string; adParagraph: number };

export function AdSettingsForm({ settings }: { settings: AdSettings }) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(updateAdSettingsAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField
        id="adParagraph"
        name="adParagraph"
        type="number"
        min={1}
        max={20}
        label="In-article slot after paragraph"
        hint="The ad stands after this paragraph of the story, when another paragraph follows it."
        defaultValue={String(settings.adParagraph)}
        error={errors.adParagraph}
        className="max-w-xs"
      />
      <fieldset className="rounded border border-gray-300 p-3">
        <legend className="px-1 text-sm font-semibold">House message</legend>
        <p className="text-xs text-muted">A placement with no ad shows nothing, unless this message is on: it then fills every empty slot.</p>
        <CheckboxField id="houseAdEnabled" name="houseAdEnabled" label="Show the house message in empty ad slots" defaultChecked={settings.houseAdEnabled} className="mt-3" />
        <div className="mt-3 space-y-3">
          <TextField id="houseAdText" name="houseAdText" label="Message" defaultValue={settings.houseAdText} error={errors.houseAdText} />
          <TextField
            id="houseAdLinkUrl"
            name="houseAdLinkUrl"
            type="url"
            label="Link (optional)"
            hint="Where the message leads, e.g. your advertising page: https://… or a path on this site."
            defaultValue={settings.houseAdLinkUrl}
            error={errors.houseAdLinkUrl}
          />
        </div>
      </fieldset>
      <SaveFooter message={message} pending={pending}>
        Save ad settings
      </SaveFooter>
    </form>
  );
}

type Ad = {
  id: string;
  name: string;
  placement: string;
  enabled: boolean;
  kind: "IMAGE" | "HTML";
  imageUrl: string;
  linkUrl: string;
  altText: string;
  html: string;
  position: number;
};

const PLACEMENTS = [
  ["HEADER", "Header (top of the article page)"],
  ["IN_ARTICLE", "In the article"],
  ["SIDEBAR", "Sidebar"],
] as const;

export function AdSlotForm({ ad }: { ad: Ad | null }) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(saveAdSlotAction);
  const [kind, setKind] = useState<"IMAGE" | "HTML">(ad?.kind ?? "IMAGE");
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="adSlotId" value={ad?.id ?? ""} />
      <TextField id="ad-name" name="name" label="Name" hint="For the newsroom only, e.g. “Subscribe banner”." defaultValue={ad?.name ?? ""} required error={errors.name} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id="ad-placement" name="placement" label="Placement" defaultValue={ad?.placement ?? "HEADER"} options={PLACEMENTS} error={errors.placement} />
        <TextField
          id="ad-position"
          name="position"
          type="number"
          min={0}
          max={999}
          label="Order"
          hint="Lower numbers come first when a placement has several ads."
          defaultValue={String(ad?.position ?? 0)}
          error={errors.position}
        />
      </div>
      <CheckboxField id="ad-enabled" name="enabled" label="Enabled (shown to readers)" defaultChecked={ad?.enabled ?? true} />
      <fieldset className="rounded border border-gray-300 p-3">
        <legend className="px-1 text-sm font-semibold">What the ad shows</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="kind" value="IMAGE" checked={kind === "IMAGE"} onChange={() => setKind("IMAGE")} />
            An image with a link
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="kind" value="HTML" checked={kind === "HTML"} onChange={() => setKind("HTML")} />
            An HTML snippet
          </label>
        </div>
        <div className="mt-3 space-y-3" hidden={kind !== "IMAGE"}>
          <TextField id="ad-imageUrl" name="imageUrl" label="Image URL" hint="https://… or a path on this site. Checked when you save: an address that does not show an image is refused." defaultValue={ad?.imageUrl ?? ""} error={errors.imageUrl} />
          <TextField id="ad-linkUrl" name="linkUrl" label="Link URL (optional)" hint="Where a click on the ad goes." defaultValue={ad?.linkUrl ?? ""} error={errors.linkUrl} />
          <TextField id="ad-altText" name="altText" label="Image description (alt text)" hint="What the ad says, for people who cannot see it." defaultValue={ad?.altText ?? ""} error={errors.altText} />
        </div>
        <div className="mt-3" hidden={kind !== "HTML"}>
          <TextAreaField
            id="ad-html"
            name="html"
            label="HTML snippet"
            hint="Shown inside a sandboxed frame: scripts do not run and it cannot touch the page. Links open in a new tab."
            rows={6}
            defaultValue={ad?.html ?? ""}
            controlClassName="font-mono"
            error={errors.html}
          />
        </div>
      </fieldset>
      <p className="text-xs text-muted">Every ad is shown under the label “Advertising”.</p>
      <FormMessage state={message} />
      <Button type="submit" variant="primary" disabled={pending}>
        {ad ? "Save ad slot" : "Create ad slot"}
      </Button>
    </form>
  );
}

export function DeleteAdSlotForm({ ad }: { ad: { id: string; name: string } }) {
  return (
    <ActionButton action={deleteAdSlotAction} fields={{ adSlotId: ad.id }} variant="danger">
      Delete this ad slot
    </ActionButton>
  );
}
