/**
 * What the editor page hands its client component: only the fields the browser needs, dates already formatted on
 * the server (so the first render matches the HTML), and the permission flags computed from the permission map.
 */
import type { DocNode } from "@/lib/content/document";

/** The article's editable fields except the body, in the shape PUT /api/articles/:id takes them. */
export type EditableFields = {
  headline: string;
  dek: string;
  datelineCity: string;
  sectionId: string;
  tags: string[];
  authorIds: string[];
  featuredImageId: string | null;
  slug: string;
  seoTitle: string;
  seoDescription: string;
};

export type MediaOption = {
  id: string;
  url: string;
  /** A smaller rendition for pickers (the original when there is none). */
  thumbUrl: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
  filename: string;
  /** This user may change its alt text, caption and credit (its uploader, or the desk). */
  canEdit: boolean;
};

export type StaffOption = { id: string; name: string };
/** `path`: the section's address on the site in the article's edition ("/news", "/es/negocios"). */
export type SectionOption = { id: string; name: string; path: string };

export type RevisionItem = {
  id: string;
  version: number;
  kind: "AUTOSAVE" | "MANUAL" | "STATUS" | "CONFLICT" | "RESTORE" | "UPDATE" | "DISCARD";
  status: string;
  /** A snapshot of the pending update rather than of the live content. */
  isPendingUpdate: boolean;
  /** A status change the scheduler made; `author` is then who set the schedule. */
  bySchedule: boolean;
  headline: string;
  author: string;
  createdAt: string;
  /** With seconds, so that two revisions of the same minute have different names. */
  createdAtLabel: string;
};

export type NoteItem = { id: string; body: string; author: string; createdAt: string; createdAtLabel: string };

/** The note the desk sent the story (or its pending update) back with, while its changes are awaited. */
export type ChangeRequestView = { note: string; by: string; atLabel: string; onUpdate: boolean };

export type PreviewLinkItem = { id: string; createdBy: string; createdAtLabel: string; expiresAtLabel: string };

export type EditorFlags = {
  canPublish: boolean;
  canSchedule: boolean;
  canUnpublish: boolean;
  canCorrect: boolean;
  canCreateTags: boolean;
  /** This user may send a published story to the breaking news list (newsletter:send). */
  canSendAlerts: boolean;
  /** This user may delete this article now (it is not live or scheduled, and it is theirs to delete). */
  canDelete: boolean;
};

/** The text of one version, as a word diff compares it. */
export type VersionText = { headline: string; dek: string; bodyText: string };

/** A released article's pending update, as the editor shows it (dates formatted on the server). */
export type PendingUpdateView = {
  status: "DRAFT" | "CHANGES_REQUESTED" | "IN_REVIEW";
  submittedAtLabel: string | null;
  updatedAtLabel: string;
  editedBy: string;
  live: VersionText;
  pending: VersionText;
  /** Other fields it changes, by their labels ("Dateline", "Tags"…). */
  otherChanges: string[];
};

export type EditorArticle = {
  id: string;
  version: number;
  status: string;
  updatedAt: string;
  /** Set once the article has ever been published: from then on the slug is no longer generated. */
  hasBeenPublished: boolean;
  publishedAtLabel: string | null;
  scheduledAtLabel: string | null;
  /** The scheduled time as a datetime-local value in the site's time zone, or "". */
  scheduledAtInput: string;
  lastEditedBy: string | null;
  /** This user's saves change the article itself; false: they go to its pending update, and the URL and byline are
   * read-only (a journalist on a scheduled or published article). */
  editsLive: boolean;
  pendingUpdate: PendingUpdateView | null;
  /** When and by whom the story went out as a breaking alert ("at 10:02 AM by Ana Ruiz"): it goes once. */
  breakingAlert: string | null;
  /** Tags among fields.tags that a journalist proposed: created when the article is published. */
  proposedTags: string[];
  fields: EditableFields;
  body: DocNode;
};

export type ArticleEditorProps = {
  article: EditorArticle;
  /** Who is editing: named in the others' list of people and on their caret. */
  me: StaffOption;
  sections: SectionOption[];
  staff: StaffOption[];
  tagNames: string[];
  media: MediaOption[];
  revisions: RevisionItem[];
  notes: NoteItem[];
  changeRequest: ChangeRequestView | null;
  previewLinks: PreviewLinkItem[];
  locale: string;
  timeZone: string;
  siteUrl: string;
  flags: EditorFlags;
};
