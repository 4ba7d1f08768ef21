/**
 * The audit log's one vocabulary: a human label for every action the data layer records (writeAudit in lib/data),
 * grouped as the admin's action filter shows them. The log and its CSV export keep the raw action strings; the page
 * shows these labels. tests/unit/audit-actions.test.ts fails when an action is written without a label here, or a
 * label is left for an action nothing writes any more.
 */

export const AUDIT_ACTION_GROUPS = [
  {
    label: "Articles",
    actions: {
      "article.create": "Article created",
      "article.translate": "Translation started",
      "article.translation_confirm": "Translation confirmed up to date",
      "article.submit": "Submitted for review",
      "article.send_back": "Sent back to the author",
      "article.schedule": "Scheduled",
      "article.unschedule": "Schedule cancelled",
      "article.publish": "Published",
      "article.publish_scheduled": "Published on schedule",
      "article.unpublish": "Unpublished",
      "article.correct": "Correction added",
      "article.url_change": "Address changed",
      "article.update_submit": "Update submitted",
      "article.update_send_back": "Update sent back",
      "article.update_publish": "Update published",
      "article.update_discard": "Update discarded",
      "article.delete": "Article deleted",
      "article.discard_blank": "Blank draft removed",
      "article.coedit_refused": "Co-editing refused",
      "preview.create": "Preview link created",
      "preview.revoke": "Preview link revoked",
    },
  },
  {
    label: "Live coverage",
    actions: {
      "live.start": "Live coverage started",
      "live.end": "Live coverage ended",
      "live.entry_post": "Live entry posted",
      "live.entry_edit": "Live entry edited",
      "live.entry_delete": "Live entry deleted",
    },
  },
  {
    label: "Newsletters",
    actions: {
      "newsletter.create": "Newsletter edition prepared",
      "newsletter.update": "Newsletter edition edited",
      "newsletter.send": "Newsletter sent",
      "newsletter.breaking": "Breaking alert sent",
      "newsletter.schedule": "Newsletter scheduled",
      "newsletter.cancel": "Newsletter cancelled",
      "newsletter.test": "Newsletter test sent",
      "subscriber.export": "Subscriber's data exported",
      "subscriber.erase": "Subscriber erased",
      "subscriber.suppress_import": "Bounces or complaints imported",
    },
  },
  {
    label: "Images",
    actions: { "media.upload": "Image uploaded", "media.update": "Image details changed", "media.delete": "Image deleted" },
  },
  {
    label: "Sign-in",
    actions: {
      "auth.sign_in": "Signed in",
      "auth.sign_in_failed": "Sign-in refused",
      "auth.sign_out": "Signed out",
      "auth.sign_out_everywhere": "Signed out everywhere",
      "user.sign_in_unlock": "Sign-in delay lifted",
      "password_reset.request": "Reset link requested",
      "password_reset.issue": "Reset link issued by an admin",
      "password_reset.complete": "Password reset",
    },
  },
  {
    label: "Staff",
    actions: {
      "invitation.create": "Invitation sent",
      "invitation.resend": "Invitation resent",
      "invitation.revoke": "Invitation revoked",
      "invitation.accept": "Invitation accepted",
      "user.create": "Account created",
      "user.role_change": "Role changed",
      "user.deactivate": "Account deactivated",
      "user.reactivate": "Account reactivated",
      "user.password_change": "Password changed",
      "profile.update": "Profile updated",
      "profile.notifications": "Notification settings changed",
    },
  },
  {
    label: "Sections and tags",
    actions: {
      "section.create": "Section created",
      "section.rename": "Section renamed",
      "section.update": "Section edited",
      "section.reorder": "Sections reordered",
      "tag.create": "Tag created",
      "tag.rename": "Tag renamed",
      "tag.merge": "Tags merged",
      "section.translate": "Section named in an edition",
      "section.translation_remove": "Section's edition name removed",
      "tag.translate": "Tag named in an edition",
      "tag.translation_remove": "Tag's edition name removed",
    },
  },
  {
    label: "Language editions",
    actions: {
      "edition.create": "Edition added",
      "edition.update": "Edition changed",
      "edition.open": "Edition opened to readers",
      "edition.close": "Edition closed to readers",
      "edition.delete": "Edition deleted",
    },
  },
  {
    label: "Site",
    actions: {
      "settings.update": "Settings changed",
      "audit.export": "Audit log exported",
      "ad_slot.create": "Ad slot created",
      "ad_slot.update": "Ad slot changed",
      "ad_slot.delete": "Ad slot deleted",
    },
  },
  {
    label: "Content API and webhooks",
    actions: {
      "api_key.create": "API key created",
      "api_key.revoke": "API key revoked",
      "webhook.create": "Webhook endpoint added",
      "webhook.update": "Webhook endpoint changed",
      "webhook.enable": "Webhook endpoint turned on",
      "webhook.disable": "Webhook endpoint turned off",
      "webhook.delete": "Webhook endpoint deleted",
      "webhook.redeliver": "Webhook message sent again",
    },
  },
] as const satisfies readonly { label: string; actions: Record<string, string> }[];

const LABELS: ReadonlyMap<string, string> = new Map(AUDIT_ACTION_GROUPS.flatMap((group) => Object.entries(group.actions)));

/** The label of an action; one recorded by an older version and unknown here reads as its raw string. */
export function auditActionLabel(action: string): string {
  return LABELS.get(action) ?? action;
}

export function isKnownAuditAction(action: string): boolean {
  return LABELS.has(action);
}

export type AuditActionGroup = { label: string; options: { value: string; label: string }[] };

/** The filter's options: the groups, each with the actions that occur in the log, in vocabulary order; unknown ones last. */
export function groupAuditActions(present: readonly string[]): AuditActionGroup[] {
  const occurring = new Set(present);
  const groups: AuditActionGroup[] = AUDIT_ACTION_GROUPS.map((group) => ({
    label: group.label,
    options: Object.entries(group.actions)
      .filter(([value]) => occurring.has(value))
      .map(([value, label]) => ({ value, label })),
  }));
  const unknown = present.filter((action) => !LABELS.has(action)).map((value) => ({ value, label: value }));
  return [...groups, { label: "Other", options: unknown }].filter((group) => group.options.length > 0);
}

/** "expiresAt" → "Expires at", "IN_REVIEW" → "In review". */
function words(code: string): string {
  const spaced = code.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const CODE = /^[A-Z][A-Z_]*[A-Z]$/;

function detailValue(key: string, value: unknown, formatDate: (date: Date) => string): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return value.toLocaleString("en-US");
  if (typeof value === "string") {
    if (ISO_INSTANT.test(value)) return formatDate(new Date(value));
    if (CODE.test(value) && value !== "HTML") return words(value);
    return key === "changed" ? words(value).toLowerCase() : value;
  }
  if (Array.isArray(value)) return value.map((item) => detailValue(key, item, formatDate)).join(", ") || "none";
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${words(k).toLowerCase()}: ${detailValue(k, v, formatDate)}`)
    .join("; ");
}

/** An entry's details as labelled values ("From: Journalist", "Changed: description, social links"), for reading. */
export function auditDetailRows(details: unknown, formatDate: (date: Date) => string): { label: string; value: string }[] {
  if (!details || typeof details !== "object" || Array.isArray(details)) return [];
  return Object.entries(details as Record<string, unknown>)
    .sort(([a], [b]) => detailRank(a) - detailRank(b))
    .map(([key, value]) => ({ label: words(key), value: detailValue(key, value, formatDate) }));
}

/**
 * PostgreSQL's jsonb keeps an object's keys shortest first ("to" before "from"), not as written: the keys that read
 * as a sentence come in this order, the others after them as stored.
 */
const DETAIL_ORDER = ["headline", "name", "email", "from", "to"];
const detailRank = (key: string) => {
  const rank = DETAIL_ORDER.indexOf(key);
  return rank === -1 ? DETAIL_ORDER.length : rank;
};
