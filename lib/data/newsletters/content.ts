/**
 * What an edition holds: its articles (the editors' order, or for a digest or section edition nobody has edited,
 * the last 24 hours' published articles of its language edition), and the rendered e-mail with the site's name,
 * logo and colour, in its language. Each article links to its page in its own edition, its section named as that
 * edition names it (decision 0029).
 */
import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { listName } from "@/lib/newsletters/lists";
import { renderEdition, type EditionItem } from "@/lib/newsletters/render";
import { listNewsletterLanguages, newsletterLanguage } from "./languages";

export const DIGEST_WINDOW_MS = 24 * 3_600_000;
const MAX_ITEMS = 40;

type EditionShape = { kind: "DIGEST" | "SECTION" | "BREAKING"; sectionId: string | null; language: string; items: string[]; itemsEdited: boolean; scheduledFor: Date | null };

const articleSelect = {
  id: true,
  slug: true,
  headline: true,
  dek: true,
  publishedAt: true,
  editionId: true,
  section: { select: { name: true, slug: true, translations: { select: { editionId: true, name: true, slug: true } } } },
} as const;

export type EditionArticle = { id: string; headline: string; dek: string; url: string; section: string; publishedAt: Date | null };

type ArticleRow = {
  id: string;
  slug: string;
  headline: string;
  dek: string;
  publishedAt: Date | null;
  editionId: string;
  section: { name: string; slug: string; translations: { editionId: string; name: string; slug: string }[] };
};

async function toItems(rows: ArticleRow[]): Promise<EditionArticle[]> {
  const languages = await listNewsletterLanguages();
  return rows.map((row) => {
    const prefix = languages.find((l) => l.id === row.editionId)?.prefix ?? "";
    const section = (prefix && row.section.translations.find((t) => t.editionId === row.editionId)) || row.section;
    return { id: row.id, headline: row.headline, dek: row.dek, section: section.name, publishedAt: row.publishedAt, url: `${getEnv().siteUrl}${prefix}/${section.slug}/${row.slug}` };
  });
}

/**
 * Published articles of the 24 hours before `until`, newest first: of one language edition when `editionId` names
 * it (a digest's, a section edition's), of one section for a section edition.
 */
export async function recentArticles(sectionId: string | null, until: Date, editionId?: string): Promise<EditionArticle[]> {
  const rows = await getDb().article.findMany({
    where: {
      status: "PUBLISHED",
      publishedAt: { gt: new Date(until.getTime() - DIGEST_WINDOW_MS), lte: until },
      ...(sectionId ? { sectionId } : {}),
      ...(editionId ? { editionId } : {}),
    },
    orderBy: { publishedAt: "desc" },
    take: MAX_ITEMS,
    select: articleSelect,
  });
  return toItems(rows);
}

/** Published articles by id, in the order given (one unpublished since is left out). */
export async function articlesInOrder(ids: string[]): Promise<EditionArticle[]> {
  if (ids.length === 0) return [];
  const rows = await getDb().article.findMany({ where: { id: { in: ids }, status: "PUBLISHED" }, select: articleSelect });
  const byId = new Map((await toItems(rows)).map((item) => [item.id, item]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The edition's articles as they would go out at `now`. */
export async function editionArticles(edition: EditionShape, now = new Date()): Promise<EditionArticle[]> {
  if (edition.kind === "BREAKING" || edition.itemsEdited) return articlesInOrder(edition.items);
  const until = edition.scheduledFor && edition.scheduledFor < now ? edition.scheduledFor : now;
  return recentArticles(edition.kind === "SECTION" ? edition.sectionId : null, until, edition.language);
}

/** The e-mail of an edition, in its language (with placeholders for each copy's links: lib/newsletters/render.ts). */
export async function renderEditionMail(edition: EditionShape & { subject: string; intro: string; section?: { name: string } | null }, articles: EditionArticle[]) {
  const settings = await getDb().settings.findUnique({ where: { id: 1 }, select: { siteName: true, logoUrl: true, brandColor: true } });
  const { text, prefix } = await newsletterLanguage(edition.language);
  const items: EditionItem[] = articles.map(({ headline, dek, url, section }) => ({ headline, dek, url, section }));
  return renderEdition({
    kind: edition.kind,
    subject: edition.subject,
    intro: edition.intro,
    items,
    listName: listName(edition.kind, edition.section?.name ?? null, text),
    text,
    // A logo given as a path on this site ("/logo.png") needs the site's address in an e-mail.
    site: {
      name: settings?.siteName ?? "Dateline",
      url: `${getEnv().siteUrl}${prefix}`,
      logoUrl: settings?.logoUrl ? new URL(settings.logoUrl, getEnv().siteUrl).toString() : null,
      color: settings?.brandColor ?? "#a4161a",
    },
  });
}
