/**
 * The demo's live story: a storm covered live, its coverage open, with a dozen entries (two key events, one pinned),
 * so that a newcomer sees live coverage on the front page at once. Idempotent (matched by slug). All text is our
 * own and fictional.
 */
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { documentFromParagraphs, documentToPlainText, renderDocumentHtml } from "@/lib/content/document";

export const LIVE_STORY_SLUG = "live-storm-alicia-reaches-the-monterrey-metro-area";

type SeedEntry = { minutesAgo: number; title?: string; text: string[]; keyEvent?: boolean; pinned?: boolean };

const STORY = {
  headline: "Live: Tropical Storm Alicia reaches the Monterrey metro area",
  dek: "Rain bands from Alicia are moving over Nuevo León. Follow road closures, shelters and river levels as our reporters post them.",
  summary: [
    "Tropical Storm Alicia crossed the coast of Tamaulipas before dawn and is moving west over Nuevo León, bringing heavy rain to the Monterrey metropolitan area through the night.",
    "Civil protection has opened shelters in five municipalities and asked residents near the Santa Catarina riverbed to stay away from its banks. This page is updated as our reporters in the field send news; the latest updates are at the top.",
  ],
};

const ENTRIES: SeedEntry[] = [
  { minutesAgo: 175, title: "Where to find a shelter", pinned: true, text: ["Civil protection lists open shelters in Monterrey, Guadalupe, San Nicolás, Apodaca and Santa Catarina. Each takes families with pets; bring medicine and identification."] },
  { minutesAgo: 170, text: ["The first rain bands reached the eastern edge of the metro area shortly after noon. Traffic on the highway to the airport slowed to a crawl in the downpour."] },
  { minutesAgo: 155, text: ["Schools in the five municipalities will stay closed tomorrow, the state education office said in a short statement."] },
  { minutesAgo: 140, title: "Santa Catarina riverbed closed", keyEvent: true, text: ["Police closed every crossing of the Santa Catarina riverbed after the water rose about a meter in forty minutes. Drivers are being sent to the upper bridges."] },
  { minutesAgo: 125, text: ["Our reporter at the Constitución avenue bridge says the water is brown and fast, carrying branches and plastic from upstream. A few people are filming from the railing; officers are asking them to move back."] },
  { minutesAgo: 110, text: ["The state utility says power is out for about 18,000 customers, most of them in Guadalupe, after wind brought down lines on two feeder circuits."] },
  { minutesAgo: 95, text: ["Flights: the airport reports delays of up to two hours on departures and has diverted three arrivals to Saltillo."] },
  { minutesAgo: 80, text: ["Volunteers at the shelter in San Nicolás are handing out blankets and hot coffee. About 120 people have arrived so far, the coordinator told us, most from homes near the Topo Chico creek."] },
  { minutesAgo: 60, title: "Storm weakens, rain continues", keyEvent: true, text: ["The national weather service says Alicia has weakened to a tropical depression over the sierra, but rain will continue through the night, with another 80 to 120 millimeters possible in the metro area."] },
  { minutesAgo: 45, text: ["Buses on the ecovía line are running again after a two-hour halt. Metro lines 1 and 2 never stopped."] },
  { minutesAgo: 25, text: ["The mayor of Santa Catarina asked residents of the lower neighborhoods along the river to be ready to leave if civil protection sounds the sirens. No order has been given yet."] },
  { minutesAgo: 10, text: ["River levels at the Cadereyta gauge are steady for the first time since the afternoon, the water commission says. We will keep this page updated through the night."] },
];

export async function seedLiveStory(db: Db, ids: { sectionId: string; authorIds: string[]; now: Date }): Promise<boolean> {
  if (await db.article.findUnique({ where: { slug: LIVE_STORY_SLUG }, select: { id: true } })) return false;
  const [lead] = ids.authorIds as [string, ...string[]];
  const at = (minutesAgo: number) => new Date(ids.now.getTime() - minutesAgo * 60_000);
  const body = documentFromParagraphs(STORY.summary);
  await db.$transaction(async (tx) => {
    const story = await tx.article.create({
      data: {
        slug: LIVE_STORY_SLUG,
        headline: STORY.headline,
        dek: STORY.dek,
        body: body as unknown as Prisma.InputJsonValue,
        bodyHtml: renderDocumentHtml(body),
        bodyText: documentToPlainText(body),
        datelineCity: "Monterrey",
        sectionId: ids.sectionId,
        status: "PUBLISHED",
        publishedAt: at(180),
        revisedAt: at(ENTRIES.at(-1)!.minutesAgo),
        isLive: true,
        coverageStartAt: at(180),
        liveSeq: ENTRIES.length,
        createdById: lead,
        lastEditedById: lead,
        createdAt: at(180),
        authors: { create: ids.authorIds.map((userId, position) => ({ userId, position })) },
      },
      select: { id: true },
    });
    for (const [index, entry] of ENTRIES.entries()) {
      const doc = documentFromParagraphs(entry.text);
      const author = ids.authorIds[index % ids.authorIds.length] as string;
      const content = { title: entry.title ?? "", body: doc as unknown as Prisma.InputJsonValue, bodyText: documentToPlainText(doc), isKeyEvent: entry.keyEvent ?? false, isPinned: entry.pinned ?? false };
      await tx.liveEntry.create({
        data: {
          ...content,
          articleId: story.id,
          seq: index + 1,
          bodyHtml: renderDocumentHtml(doc),
          postedAt: at(entry.minutesAgo),
          postedById: author,
          createdAt: at(entry.minutesAgo),
          authors: { create: [{ userId: author, position: 0 }] },
          revisions: { create: [{ ...content, change: "POSTED", authorId: author, createdAt: at(entry.minutesAgo) }] },
        },
      });
    }
  });
  return true;
}
