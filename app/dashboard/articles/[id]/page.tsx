/**
 * The article editor. Loads everything the editor shows in one go (the data layer checks that this user may open
 * the article), computes the permission flags here, formats dates in the newsroom's time zone, and hands the client
 * component only the fields it needs.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleEditor } from "@/components/editor/article-editor";
import type { ArticleEditorProps, StaffOption } from "@/components/editor/types";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { mayDelete } from "@/lib/data/articles/delete";
import { getArticleForEditor } from "@/lib/data/articles/editor";
import { NotFoundError } from "@/lib/data/errors";
import { listMediaForPicker } from "@/lib/data/media/library";
import { getChangeRequest, listNotes } from "@/lib/data/articles/notes";
import { listPreviewLinks } from "@/lib/data/articles/previews";
import { listRevisions } from "@/lib/data/articles/revisions";
import { listSections } from "@/lib/data/sections";
import { getEditionNames, localName, NO_NAMES } from "@/lib/data/editions";
import { editionPrefix } from "@/lib/i18n/edition";
import { getSiteSettings } from "@/lib/data/settings";
import { listTagNames } from "@/lib/data/tags";
import { listStaffForByline } from "@/lib/data/users/accounts";
import { getTranslationPanel } from "@/lib/data/articles/translations";
import { getBreakingAlert } from "@/lib/data/newsletters/editions";
import { TranslationPanel, TranslationSource } from "@/components/editor/translation-panel";
import { getEnv } from "@/lib/env";
import { confirmTranslationAction, translateArticleAction } from "./actions";
import { toLocalInputValue } from "@/lib/dates";
import { joinNames } from "@/lib/text";

type Props = { params: Promise<{ id: string }> };

/** One read shared by generateMetadata and the page; a missing or unreachable article is a 404. */
const loadArticle = cache(async (id: string) => {
  const user = await requireUser(`/dashboard/articles/${id}`);
  try {
    return { user, article: await getArticleForEditor(user, id) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const { article } = await loadArticle(id);
  return { title: `Edit: ${article.headline.trim() || "Untitled"}`, robots: { index: false } };
}

export default async function EditArticlePage({ params }: Props) {
  const { id } = await params;
  const { user, article } = await loadArticle(id);
  const mayAlert = can(user.role, "newsletter:send");
  const [sections, staff, tagNames, media, revisions, notes, changeRequest, previewLinks, settings, translations, breakingAlert] = await Promise.all([
    listSections(),
    listStaffForByline(user),
    listTagNames(user),
    listMediaForPicker(user, { include: article.featuredImageId }),
    listRevisions(user, article.id),
    listNotes(user, article.id),
    getChangeRequest(user, article.id),
    listPreviewLinks(user, article.id),
    getSiteSettings(),
    getTranslationPanel(user, article.id),
    mayAlert ? getBreakingAlert(user, article.id) : null,
  ]);
  const names = article.edition.isDefault ? NO_NAMES : await getEditionNames(article.edition.id);
  const { locale, timeZone } = settings;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const withSeconds = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone });

  const update = article.pendingUpdate;
  // Authors who are no longer active staff still need their names in the byline list.
  const byline: StaffOption[] = [...staff, ...article.authors.filter((a) => !staff.some((s) => s.id === a.id))];

  const props: ArticleEditorProps = {
    me: { id: user.id, name: user.name },
    article: {
      id: article.id,
      version: article.version,
      status: article.status,
      updatedAt: article.updatedAt.toISOString(),
      hasBeenPublished: article.publishedAt !== null,
      publishedAtLabel: article.publishedAt ? dateTime.format(article.publishedAt) : null,
      scheduledAtLabel: article.scheduledAt ? dateTime.format(article.scheduledAt) : null,
      scheduledAtInput: article.scheduledAt ? toLocalInputValue(article.scheduledAt, timeZone) : "",
      lastEditedBy: article.lastEditedBy?.name ?? null,
      editsLive: article.editsLive,
      pendingUpdate: update && {
        status: update.status,
        submittedAtLabel: update.submittedAt ? dateTime.format(update.submittedAt) : null,
        updatedAtLabel: withSeconds.format(update.updatedAt),
        editedBy: update.editedBy,
        live: update.live,
        pending: update.pending,
        otherChanges: update.otherChanges,
      },
      breakingAlert,
      proposedTags: article.proposedTags,
      fields: {
        headline: article.headline,
        dek: article.dek,
        datelineCity: article.datelineCity,
        sectionId: article.sectionId,
        tags: article.tags,
        authorIds: article.authors.map((a) => a.id),
        featuredImageId: article.featuredImageId,
        slug: article.slug,
        seoTitle: article.seoTitle,
        seoDescription: article.seoDescription,
      },
      body: article.body,
    },
    // Addresses in the article's edition: its prefix and the sections' slugs there.
    sections: sections.map((s) => ({ id: s.id, name: s.name, path: `${editionPrefix(article.edition)}/${localName(s, names.sections).slug}` })),
    staff: byline,
    tagNames,
    media: media.map((m) => ({
      id: m.id,
      url: m.url,
      thumbUrl: m.thumbUrl,
      alt: m.alt,
      caption: m.caption,
      credit: m.credit,
      width: m.width,
      height: m.height,
      filename: m.filename,
      canEdit: m.canEdit,
    })),
    revisions: revisions.map((r) => ({
      id: r.id,
      version: r.version,
      kind: r.kind,
      status: r.status,
      isPendingUpdate: r.isPendingUpdate,
      bySchedule: r.bySchedule,
      headline: r.headline,
      // A revision written together names everyone whose changes it holds.
      author: r.contributors.length > 0 ? joinNames(r.contributors.map((c) => c.user.name)) : r.author.name,
      createdAt: r.createdAt.toISOString(),
      createdAtLabel: withSeconds.format(r.createdAt),
    })),
    notes: notes.map((n) => ({ id: n.id, body: n.body, author: n.author.name, createdAt: n.createdAt.toISOString(), createdAtLabel: dateTime.format(n.createdAt) })),
    changeRequest: changeRequest && { note: changeRequest.body, by: changeRequest.author.name, atLabel: dateTime.format(changeRequest.createdAt), onUpdate: article.status !== "CHANGES_REQUESTED" },
    previewLinks: previewLinks.map((l) => ({
      id: l.id,
      createdBy: l.createdBy.name,
      createdAtLabel: withSeconds.format(l.createdAt),
      expiresAtLabel: dateTime.format(l.expiresAt),
    })),
    locale,
    timeZone,
    siteUrl: getEnv().siteUrl,
    flags: {
      canPublish: can(user.role, "article:publish"),
      canSchedule: can(user.role, "article:schedule"),
      canUnpublish: can(user.role, "article:unpublish"),
      canCorrect: can(user.role, "article:correct"),
      canCreateTags: can(user.role, "tag:create"),
      canSendAlerts: mayAlert,
      canDelete: mayDelete(user, article),
    },
  };

  return (
    <>
      <p className="mb-4 text-sm">
        <Link href={`/dashboard/articles/${article.id}/live`} className="font-semibold underline">
          {article.isLive ? "Live coverage: post entries" : "Live coverage"}
        </Link>
      </p>
      <TranslationPanel articleId={article.id} panel={translations} translate={translateArticleAction} confirm={confirmTranslationAction} />
      {translations.source ? (
        // A translation: its source beside the editor on wide screens.
        <div className="2xl:grid 2xl:grid-cols-[minmax(0,1fr)_24rem] 2xl:gap-6">
          <ArticleEditor key={article.id} {...props} />
          <TranslationSource source={translations.source} />
        </div>
      ) : (
        <ArticleEditor key={article.id} {...props} />
      )}
    </>
  );
}
