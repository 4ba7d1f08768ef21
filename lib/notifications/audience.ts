/**
 * Who is told about what happened to a story. Each kind of event names the groups concerned; the acting person is
 * never told about their own act. Pure, so that the rule reads in one place (and is tested without a database);
 * lib/data/notifications/notify.ts finds the people in each group.
 *
 * - authors: the article's byline and whoever created it;
 * - desk: everyone who may publish (the review queue's readers), for a story or an update submitted for review;
 * - participants: whoever has moved the story through the workflow or left a note on it (an editor who sent it back
 *   hears the author's reply);
 * - scheduler: whoever set the schedule that published the story.
 */
import type { NotificationKind } from "@/lib/data/types";

export type AudienceGroup = "authors" | "desk" | "participants" | "scheduler";

export const AUDIENCE = {
  SUBMITTED: ["authors", "desk"],
  SENT_BACK: ["authors"],
  PUBLISHED: ["authors"],
  PUBLISHED_BY_SCHEDULE: ["authors", "scheduler"],
  CORRECTED: ["authors"],
  NOTE: ["authors", "participants"],
  UPDATE_SUBMITTED: ["authors", "desk"],
  UPDATE_SENT_BACK: ["authors"],
  UPDATE_PUBLISHED: ["authors"],
  /** Not a story event: lib/data/notifications/notify.ts tells the admins (notifyAdminsOfDisabledEndpoint). */
  WEBHOOK_DISABLED: [],
} as const satisfies Record<NotificationKind, readonly AudienceGroup[]>;

/** The user ids to notify: the kind's groups together, each person once, without the actor. */
export function recipientsOf(kind: NotificationKind, groups: Partial<Record<AudienceGroup, readonly string[]>>, actorId: string | null): string[] {
  const ids = new Set(AUDIENCE[kind].flatMap((group) => groups[group] ?? []));
  if (actorId) ids.delete(actorId);
  return [...ids];
}
