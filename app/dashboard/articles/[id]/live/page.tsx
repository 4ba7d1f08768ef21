/**
 * The live composer of a story: its coverage (start, end), the entry box at the top and every entry below it. Who
 * may open it is who may edit the story (lib/data/live/composer.ts); the rest is the client component.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { LiveComposer } from "@/components/live/composer";
import { requireUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { getLiveComposer } from "@/lib/data/live/composer";
import { listMediaForPicker } from "@/lib/data/media/library";
import { getSiteSettings } from "@/lib/data/settings";
import { formatDateTime } from "@/lib/dates";
import { liveTime } from "@/lib/live/view";

type Props = { params: Promise<{ id: string }> };

/** A story this person may not edit is not found for them (the data layer hides it). */
function notFoundWhenHidden(error: unknown): never {
  if (error instanceof NotFoundError) notFound();
  throw error;
}

const loadStory = cache(async (id: string) => {
  const user = await requireUser(`/dashboard/articles/${id}/live`);
  const story = await getLiveComposer(user, id).catch(notFoundWhenHidden);
  return { user, story };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { story } = await loadStory((await params).id);
  return { title: `Live: ${story.headline.trim() || "Untitled"}`, robots: { index: false } };
}

export default async function LiveComposerPage({ params }: Props) {
  const { user, story } = await loadStory((await params).id);
  const [settings, media] = await Promise.all([getSiteSettings(), listMediaForPicker(user)]);
  const { locale, timeZone } = settings;
  const isOpen = story.isLive && story.coverageEndAt === null;
  return (
    <LiveComposer
      key={story.id}
      story={{
        id: story.id,
        headline: story.headline,
        isPublished: story.status === "PUBLISHED",
        publicPath: `/${story.section.slug}/${story.slug}`,
        isOpen,
        seq: story.liveSeq,
        coverageLabel: !story.isLive
          ? "This story is not live coverage yet."
          : isOpen
            ? `Live since ${formatDateTime(story.coverageStartAt ?? new Date(), locale, timeZone)}.`
            : `Coverage ended ${formatDateTime(story.coverageEndAt ?? new Date(), locale, timeZone)}.`,
      }}
      coAuthors={story.authors.map((a) => a.user).filter((a) => a.id !== user.id)}
      entries={story.entries.map((e) => ({
        id: e.id,
        version: e.version,
        title: e.title,
        body: e.body,
        html: e.bodyHtml,
        isKeyEvent: e.isKeyEvent,
        isPinned: e.isPinned,
        postedLabel: liveTime(e.postedAt, locale, timeZone),
        editedLabel: e.editedAt ? `Updated ${liveTime(e.editedAt, locale, timeZone)}` : null,
        authors: e.authors,
      }))}
      draft={story.draft && { title: story.draft.title, body: story.draft.body, isKeyEvent: story.draft.isKeyEvent, isPinned: story.draft.isPinned }}
      media={media.map((m) => ({ id: m.id, url: m.url, thumbUrl: m.thumbUrl, alt: m.alt, caption: m.caption, credit: m.credit, width: m.width, height: m.height, filename: m.filename, canEdit: m.canEdit }))}
    />
  );
}
