/** Live coverage's pure parts: the reading order, the stream's frames, and the LiveBlogPosting markup. */
import { describe, expect, it } from "vitest";
import { buildFeedDocument } from "@/lib/feeds/feed";
import { encodeChanges, encodeEnd } from "@/lib/live/events";
import type { LiveEntryRow } from "@/lib/data/live/public";
import { sortLiveEntries, toLiveEntryView } from "@/lib/live/view";
import { liveBlogPostingJsonLd } from "@/lib/seo/json-ld";

const row = (id: string, seq: number, minute: number, more: Partial<LiveEntryRow> = {}): LiveEntryRow => ({
  id,
  seq,
  title: `Entry ${id}`,
  bodyHtml: `<p>Body ${id}</p>`,
  bodyText: `Body ${id}`,
  postedAt: new Date(Date.UTC(2026, 5, 16, 14, minute)),
  editedAt: null,
  isKeyEvent: false,
  isPinned: false,
  authors: [{ user: { name: "Ana Ruiz", slug: "ana-ruiz" } }],
  ...more,
});
const settings = { locale: "en-US", timeZone: "America/Monterrey" };

describe("live entries", () => {
  it("reads pinned entries first, then newest first", () => {
    const views = [row("a", 1, 0), row("b", 2, 5, { isPinned: true }), row("c", 3, 10), row("d", 4, 1, { isPinned: true })].map((r) => toLiveEntryView(r, settings));
    expect(sortLiveEntries(views).map((v) => v.id)).toEqual(["b", "d", "c", "a"]);
  });

  it("shows times in the newsroom's zone, and 'Updated HH:MM' after an edit", () => {
    const view = toLiveEntryView(row("a", 1, 5, { editedAt: new Date(Date.UTC(2026, 5, 16, 15, 20)) }), settings);
    expect(view.postedLabel).toBe("08:05");
    expect(view.postedAt).toBe("2026-06-16T08:05:00-06:00");
    expect(view.editedLabel).toBe("Updated 09:20");
  });

  it("frames each change with its event number, on one data line", () => {
    const frames = encodeChanges([{ kind: "entry", entry: row("a", 7, 0, { bodyText: "two\nlines" }) }, { kind: "remove", id: "b", seq: 8 }], settings);
    const text = frames.map((f) => new TextDecoder().decode(f.bytes));
    expect(frames.map((f) => f.seq)).toEqual([7, 8]);
    expect(text[0]).toMatch(/^id: 7\nevent: entry\ndata: \{.*\}\n\n$/);
    expect(JSON.parse(text[0]!.split("data: ")[1]!).text).toBe("two\nlines");
    expect(text[1]).toBe('id: 8\nevent: remove\ndata: {"id":"b"}\n\n');
    expect(new TextDecoder().decode(encodeEnd(9))).toBe("id: 9\nevent: end\ndata: {}\n\n");
  });

  it("marks a live story up as LiveBlogPosting with coverage times and one BlogPosting per entry", () => {
    const article = {
      headline: "Storm live",
      dek: "",
      publishedAt: new Date(Date.UTC(2026, 5, 16, 13)),
      revisedAt: null,
      datelineCity: "",
      section: { name: "News", slug: "news" },
      slug: "storm-live",
      authors: [],
      corrections: [],
      imageUrl: "https://example.test/og.png",
    };
    const site = { siteName: "Dateline", timeZone: "UTC", siteUrl: "https://example.test", logoUrl: "https://example.test/logo.png" };
    const entries = [row("b", 2, 30), row("a", 1, 0, { title: "" })].map((r) => toLiveEntryView(r, { ...settings, timeZone: "UTC" }));
    const open = liveBlogPostingJsonLd(article, { startAt: article.publishedAt, endAt: null }, entries, site);
    expect(open["@type"]).toBe("LiveBlogPosting");
    expect(open.coverageStartTime).toBe("2026-06-16T13:00:00+00:00");
    expect("coverageEndTime" in open).toBe(false);
    expect(open.dateModified).toBe("2026-06-16T14:30:00+00:00");
    expect(open.liveBlogUpdate).toEqual([
      expect.objectContaining({ "@type": "BlogPosting", headline: "Entry b", datePublished: "2026-06-16T14:30:00+00:00", articleBody: "Body b", url: "https://example.test/news/storm-live#entry-b" }),
      expect.objectContaining({ headline: "Body a", url: "https://example.test/news/storm-live#entry-a" }),
    ]);
    const ended = liveBlogPostingJsonLd(article, { startAt: article.publishedAt, endAt: new Date(Date.UTC(2026, 5, 16, 18)) }, entries, site);
    expect(ended.coverageEndTime).toBe("2026-06-16T18:00:00+00:00");
  });

  it("says LIVE in a feed item's title while the coverage is open, and not after", () => {
    const channel = { siteUrl: "https://example.test", siteName: "Dateline", title: "Dateline", description: "News", language: "en-US", pagePath: "/", feedBasePath: "" };
    const story = { id: "s1", slug: "storm-live", headline: "Storm live", dek: "", bodyHtml: "<p>Summary</p>", publishedAt: new Date(Date.UTC(2026, 5, 16)), revisedAt: null, section: { name: "News", slug: "news" }, authors: [] };
    const titles = (isLiveNow: boolean) => (JSON.parse(buildFeedDocument("json", channel, [{ ...story, isLiveNow }])) as { items: { title: string }[] }).items.map((i) => i.title);
    expect(titles(true)).toEqual(["LIVE: Storm live"]);
    expect(titles(false)).toEqual(["Storm live"]);
    expect(buildFeedDocument("rss", channel, [{ ...story, isLiveNow: true }])).toContain("LIVE: Storm live");
  });
});
