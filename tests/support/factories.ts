/** Unique rows for data-layer tests, made through the data layer itself where it has a function for it. */
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus, Role } from "@/lib/generated/prisma/enums";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { documentFromParagraphs, documentToPlainText, renderDocumentHtml } from "@/lib/content/document";
import { createUser } from "@/lib/data/users/accounts";
import type { SessionUser } from "@/lib/data/types";

let db: Db | undefined;
export function rawDb(): Db {
  db ??= createPrismaClient(process.env.DATABASE_URL as string, { max: 2 });
  return db;
}

export const uid = () => `${Date.now().toString(36)}${randomBytes(4).toString("hex")}`;

export async function makeUser(role: Role, name = `Person ${uid()}`): Promise<SessionUser> {
  const user = await createUser(null, { email: `${uid()}@test.dateline.test`, name, role, password: "a-long-test-password" }, { hashRounds: 4 });
  return { id: user.id, email: user.email, name: user.name, slug: user.slug, role: user.role };
}

export async function makeSection() {
  const id = uid();
  return rawDb().section.create({ data: { name: `Section ${id}`, slug: `section-${id}` } });
}

export async function makeArticle(
  author: SessionUser,
  options: { status?: ArticleStatus; publishedAt?: Date | null; sectionId?: string; headline?: string } = {},
) {
  const sectionId = options.sectionId ?? (await makeSection()).id;
  const id = uid();
  const body = documentFromParagraphs([
    `Body of article ${id}. The council met on Tuesday to discuss the water plan, and residents filled the chamber to ask questions about pressure cuts.`,
    "Officials said the schedule would be reviewed every month, and that neighborhoods with the oldest pipes would be first in line for repairs paid for by the new fund.",
  ]);
  const status = options.status ?? "DRAFT";
  return rawDb().article.create({
    data: {
      slug: `article-${id}`,
      headline: options.headline ?? `Headline ${id}`,
      dek: "A dek long enough to stand in for the search description of the article.",
      datelineCity: "Monterrey",
      body: body as unknown as Prisma.InputJsonValue,
      bodyHtml: renderDocumentHtml(body),
      bodyText: documentToPlainText(body),
      sectionId,
      status,
      publishedAt: options.publishedAt !== undefined ? options.publishedAt : status === "PUBLISHED" ? new Date(Date.now() - 60_000) : null,
      createdById: author.id,
      authors: { create: [{ userId: author.id, position: 0 }] },
    },
    include: { section: true },
  });
}

/** A published live story of `author`, its coverage open, with one entry of theirs (live event 1). */
export async function makeLiveStory(author: SessionUser) {
  const article = await makeArticle(author, { status: "PUBLISHED" });
  await rawDb().article.update({ where: { id: article.id }, data: { isLive: true, coverageStartAt: new Date(Date.now() - 60_000), liveSeq: 1 } });
  const body = documentFromParagraphs([`The river rose overnight at the ${uid()} gauge.`]);
  const entry = await rawDb().liveEntry.create({
    data: {
      articleId: article.id,
      seq: 1,
      title: "River rising",
      body: body as unknown as Prisma.InputJsonValue,
      bodyHtml: renderDocumentHtml(body),
      bodyText: documentToPlainText(body),
      postedById: author.id,
      authors: { create: [{ userId: author.id, position: 0 }] },
    },
    select: { id: true, version: true },
  });
  return { article, entry };
}
