/**
 * Articles for the editor specs, made directly in the database for a given user, as createDraftArticle makes them
 * (the user is the creator and the only author), optionally with text and a first revision to restore.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { documentFromParagraphs, documentToPlainText, emptyDocument, renderDocumentHtml } from "@/lib/content/document";
import type { SessionUser } from "@/lib/data/types";
import { testDb } from "./db";
import { uniqueId, type TestUser } from "./factories";

/** About 60 words: enough for the publish checklist's minimum of 50. */
export const FILLER =
  "Residents filled the council chamber on Tuesday evening to ask how the new water schedule would affect their neighborhoods. " +
  "Officials said pressure cuts would rotate weekly, that the oldest pipes would be replaced first, and that a public map of the " +
  "work would be updated every Friday so families could plan around the repairs.";

export const DEK = "The council approved a plan to replace the oldest pipes first, with a weekly schedule of pressure cuts.";

type Options = {
  /** Omit for an empty new draft (no headline, an empty body, a placeholder slug), like "New article" makes. */
  headline?: string;
  paragraphs?: string[];
  dek?: string;
  datelineCity?: string;
  sectionSlug?: string;
  /** Also store the initial text as a first revision (version 1), as a manual save would. */
  withRevision?: boolean;
};

export async function createEditorArticle(owner: TestUser, options: Options = {}) {
  const db = testDb();
  const id = uniqueId();
  const section = await db.section.findUniqueOrThrow({ where: { slug: options.sectionSlug ?? "news" }, select: { id: true, slug: true } });
  const body = options.paragraphs ? documentFromParagraphs(options.paragraphs) : emptyDocument();
  const headline = options.headline ?? "";
  const article = await db.article.create({
    data: {
      slug: options.headline ? `editor-${id}` : `draft-${id}`,
      headline,
      dek: options.dek ?? "",
      body: body as unknown as Prisma.InputJsonValue,
      bodyHtml: renderDocumentHtml(body),
      bodyText: documentToPlainText(body),
      datelineCity: options.datelineCity ?? "",
      sectionId: section.id,
      createdById: owner.id,
      lastEditedById: owner.id,
      authors: { create: [{ userId: owner.id, position: 0 }] },
    },
    select: { id: true, slug: true, headline: true },
  });
  if (options.withRevision) {
    await db.revision.create({
      data: {
        articleId: article.id,
        version: 1,
        kind: "MANUAL",
        headline,
        dek: options.dek ?? "",
        body: body as unknown as Prisma.InputJsonValue,
        bodyText: documentToPlainText(body),
        datelineCity: options.datelineCity ?? "",
        status: "DRAFT",
        authorId: owner.id,
        createdAt: new Date(Date.now() - 60_000),
      },
    });
  }
  return { ...article, sectionSlug: section.slug, editorPath: `/dashboard/articles/${article.id}` };
}

/** The data layer's view of a test user, for calling lib/data directly from a spec. */
export async function sessionUserOf(user: TestUser): Promise<SessionUser> {
  const { slug } = await testDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { slug: true } });
  return { id: user.id, email: user.email, name: user.name, slug, role: user.role };
}

export async function readArticle(articleId: string) {
  return testDb().article.findUniqueOrThrow({
    where: { id: articleId },
    select: { headline: true, dek: true, bodyText: true, bodyHtml: true, slug: true, sectionId: true, status: true, version: true, datelineCity: true, seoDescription: true },
  });
}
