/** What the live composer's server page hands its client components. */
import type { DocNode } from "@/lib/content/document";
import type { MediaOption } from "@/components/editor/types";

export type ComposerStory = {
  id: string;
  headline: string;
  isPublished: boolean;
  publicPath: string;
  /** Live coverage, not ended: entries can be posted. */
  isOpen: boolean;
  /** The story's latest live event: the composer's own stream starts after it. */
  seq: number;
  coverageLabel: string;
};

export type ComposerEntry = {
  id: string;
  version: number;
  title: string;
  body: DocNode;
  html: string;
  isKeyEvent: boolean;
  isPinned: boolean;
  postedLabel: string;
  editedLabel: string | null;
  authors: { id: string; name: string }[];
};

export type EntryDraft = { title: string; body: DocNode; isKeyEvent: boolean; isPinned: boolean };

export type ComposerProps = {
  story: ComposerStory;
  /** The story's other authors, who may share an entry's byline. */
  coAuthors: { id: string; name: string }[];
  entries: ComposerEntry[];
  draft: EntryDraft | null;
  media: MediaOption[];
};
