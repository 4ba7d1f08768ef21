/**
 * An article's workflow statuses: what people call them, and from which status each move may start. Pure data, read
 * by the data layer (lib/data/articles/workflow.ts enforces it) and by the staff UI (which offers only the moves it
 * allows), so that the two cannot disagree. Why "changes requested" is a status of its own:
 * docs/decisions/0016-notifications-and-changes-requested.md.
 */
import type { ArticleStatus } from "@/lib/data/types";

export const ARTICLE_STATUS_LABELS = {
  DRAFT: "Draft",
  CHANGES_REQUESTED: "Changes requested",
  IN_REVIEW: "In review",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  ARCHIVED: "Archived",
} as const satisfies Record<ArticleStatus, string>;

export const ARTICLE_STATUSES = Object.keys(ARTICLE_STATUS_LABELS) as [ArticleStatus, ...ArticleStatus[]];

export function statusLabel(status: string): string {
  return (ARTICLE_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

const NOT_PUBLISHED = ["DRAFT", "CHANGES_REQUESTED", "IN_REVIEW", "SCHEDULED", "ARCHIVED"] as const;

/** The statuses each move starts from. */
export const MOVES_FROM = {
  /** By an author (or the desk): a draft, or a story the desk sent back. */
  submit: ["DRAFT", "CHANGES_REQUESTED"],
  sendBack: ["IN_REVIEW", "SCHEDULED"],
  publish: NOT_PUBLISHED,
  schedule: NOT_PUBLISHED,
  cancelSchedule: ["SCHEDULED"],
  unpublish: ["PUBLISHED"],
  correct: ["PUBLISHED"],
} as const satisfies Record<string, readonly ArticleStatus[]>;

export type Move = keyof typeof MOVES_FROM;

export function canMoveFrom(move: Move, status: string): boolean {
  return (MOVES_FROM[move] as readonly string[]).includes(status);
}

/** A pending update's stages (lib/data/articles/pending.ts) that its authors may submit for review from. */
export const UPDATE_SUBMITTABLE = ["DRAFT", "CHANGES_REQUESTED"] as const;

/** Where to read a story as readers do: its public page once it is published, else the staff preview. */
export function storyLink(article: { id: string; status: string; sitePath: string }): { label: string; href: string } {
  return article.status === "PUBLISHED"
    ? { label: "View on site", href: article.sitePath }
    : { label: "Open preview", href: `/dashboard/articles/${article.id}/preview` };
}
