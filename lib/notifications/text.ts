/**
 * What a notification says, in the list (/dashboard/notifications) and in its e-mail: one sentence naming who did
 * what to which story, and the words they left (a note, a correction) quoted under it.
 */
import type { NotificationKind } from "@/lib/data/types";

export type NotificationFacts = {
  kind: NotificationKind;
  /** Who acted, or null (the scheduler; an account since removed). */
  actor: string | null;
  headline: string;
  detail: string;
};

export function notificationSentence({ kind, actor, headline, detail }: NotificationFacts): string {
  const who = actor ?? "Someone";
  const story = `“${headline.trim() || "Untitled"}”`;
  switch (kind) {
    case "SUBMITTED":
      return `${who} submitted ${story} for review.`;
    case "SENT_BACK":
      return `${who} sent ${story} back: changes requested.`;
    case "PUBLISHED":
      return `${who} published ${story}.`;
    case "PUBLISHED_BY_SCHEDULE":
      return `${story} was published by the schedule${detail ? ` (set by ${detail})` : ""}.`;
    case "CORRECTED":
      return `${who} added a correction to ${story}.`;
    case "NOTE":
      return `${who} left a note on ${story}.`;
    case "UPDATE_SUBMITTED":
      return `${who} submitted an update to ${story} for review.`;
    case "UPDATE_SENT_BACK":
      return `${who} sent the update to ${story} back: changes requested.`;
    case "UPDATE_PUBLISHED":
      return `${who} published the update to ${story}.`;
    case "WEBHOOK_DISABLED":
      return `The webhook endpoint ${headline} was turned off: its deliveries kept failing.`;
  }
}

/** The words quoted under the sentence, or null (a schedule's setter is already in its sentence). */
export function notificationQuote(facts: NotificationFacts): string | null {
  return facts.kind === "PUBLISHED_BY_SCHEDULE" || !facts.detail ? null : facts.detail;
}

/** Where a notification leads: its story in the editor, or (a webhook endpoint turned off) the endpoint's page. */
export function notificationPath(target: { articleId: string | null; webhookEndpointId: string | null }): string {
  if (target.articleId) return `/dashboard/articles/${target.articleId}`;
  return target.webhookEndpointId ? `/admin/api/webhooks/${target.webhookEndpointId}` : "/dashboard/notifications";
}

/** The e-mail of one notification: plain text, with the link to the story and to the setting that turns these off. */
export function notificationEmail(facts: NotificationFacts & { to: string; siteName: string; articleUrl: string; profileUrl: string }) {
  const sentence = notificationSentence(facts);
  const quote = notificationQuote(facts);
  return {
    to: facts.to,
    subject: `${facts.siteName}: ${sentence.replace(/\.$/, "")}`,
    text: [
      sentence,
      ...(quote ? ["", ...quote.split("\n").map((line) => `> ${line}`)] : []),
      "",
      `${facts.kind === "WEBHOOK_DISABLED" ? "Open the endpoint" : "Open the story"}: ${facts.articleUrl}`,
      "",
      `You get these e-mails about stories you work on in the ${facts.siteName} newsroom. Turn them off in your profile: ${facts.profileUrl}`,
    ].join("\n"),
  };
}
