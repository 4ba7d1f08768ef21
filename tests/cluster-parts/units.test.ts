/**
 * The cluster mode's pure parts, fast enough for `npm test`: the entry encoding of the Redis store, its fall-back to
 * local memory when Redis cannot be reached, which URLs the front-cache refresher asks nginx
 * for, and the nginx configuration's cookie and refresh rules. The topology itself: tests/cluster-topology/ (npm run test:cluster).
 */
import { createRequire } from "node:module";
import net from "node:net";
import { describe, expect, it, vi } from "vitest";
import { isFeedOrNumbered, isListOrFeed, urlsForTags } from "@/scripts/cluster/refresher";
import { nginxConfig } from "@/scripts/cluster/nginx";

const require = createRequire(import.meta.url);
type Store = { get(k: string): Promise<unknown>; set(k: string, v: unknown): Promise<void>; delete(k: string): Promise<void> };
const redis = require("../../cache-handlers/redis-store.cjs") as {
  encodeEntry(entry: unknown): string;
  decodeEntry(text: string): unknown;
  RedisStore: new (url: string, local: Store) => Store & { close(): void };
};
const { MemoryStore } = require("../../cache-handlers/isr-handler.cjs") as { MemoryStore: new (max: number) => Store };

describe("Redis entries", () => {
  it("keeps Buffers and Maps of Next's page entries through JSON", () => {
    const entry = { lastModified: 1, value: { kind: "APP_PAGE", html: "<p>x</p>", rscData: Buffer.from([0, 1, 255]), segmentData: new Map([["/a", Buffer.from("seg")]]), headers: { "x-next-cache-tags": "a,b" } } };
    const back = redis.decodeEntry(redis.encodeEntry(entry)) as typeof entry;
    expect(back.value.rscData).toEqual(Buffer.from([0, 1, 255]));
    expect(back.value.segmentData).toBeInstanceOf(Map);
    expect(back.value.segmentData.get("/a")).toEqual(Buffer.from("seg"));
    expect(back.value.headers).toEqual(entry.value.headers);
  });

  it("encodes Buffers straight to base64, never through Buffer#toJSON (an array of one number per byte)", () => {
    const toJSON = vi.spyOn(Buffer.prototype, "toJSON");
    try {
      const rsc = Buffer.alloc(256 * 1024, 7);
      const text = redis.encodeEntry({ value: { rscData: rsc, segmentData: new Map([["/s", new Uint8Array([1, 2])]]), at: new Date(0) } });
      expect(toJSON).not.toHaveBeenCalled();
      const back = redis.decodeEntry(text) as { value: { rscData: Buffer; segmentData: Map<string, Buffer>; at: string } };
      expect(back.value.rscData.equals(rsc)).toBe(true);
      expect([...back.value.segmentData.get("/s")!]).toEqual([1, 2]);
      expect(back.value.at).toBe("1970-01-01T00:00:00.000Z");
    } finally {
      toJSON.mockRestore();
    }
  });
});

describe("Redis store when Redis cannot be reached", () => {
  it("answers from local memory at once and never throws", async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const port = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const store = new redis.RedisStore(`redis://127.0.0.1:${closed}`, new MemoryStore(10));
    try {
      const started = Date.now();
      await store.set("k", { value: 1 });
      expect(await store.get("k")).toEqual({ value: 1 });
      expect(await store.get("missing")).toBeUndefined();
      await store.delete("k");
      expect(await store.get("k")).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(200);
    } finally {
      store.close();
    }
  });
});

describe("front-cache refresh", () => {
  it("maps expired tags to the URLs readers see", () => {
    const plan = urlsForTags(["article:water-plan", "home", "latest", "section:news", "tag:city hall", "author:ana-ruiz", "gone"]);
    expect(plan.articleSlugs).toEqual(["water-plan"]);
    expect(plan.everything).toBe(false);
    expect(plan.exact).toEqual(
      expect.arrayContaining(["/", "/feed.xml", "/atom.xml", "/feed.json", "/sitemap.xml", "/news-sitemap.xml", "/news", "/news/feed.xml", "/tag/city%20hall", "/author/ana-ruiz", "/author/ana-ruiz/atom.xml"]),
    );
    expect(plan.prefixes).toEqual(expect.arrayContaining(["/sitemaps/", "/news/page/", "/tag/city%20hall/page/", "/author/ana-ruiz/page/"]));
    expect(urlsForTags(["site"]).everything).toBe(true);
    expect(urlsForTags(["edition-names:es"]).everything, "an edition's section and tag names").toBe(true);
  });

  it("covers the Spanish edition: its front page and feeds, every list under /es/, and the translations of a group", () => {
    const plan = urlsForTags(["latest", "section:news", "translations:group-1"]);
    expect(plan.exact).toEqual(expect.arrayContaining(["/es", "/es/feed.xml", "/es/atom.xml", "/es/feed.json"]));
    expect(plan.prefixes).toContain("/es/");
    expect(plan.groupIds).toEqual(["group-1"]);
    expect(urlsForTags(["article:x"]).prefixes, "an article alone refreshes no list").toEqual([]);
  });

  it("refreshes article pages and the front page before lists, and lists before feeds, sitemaps and numbered pages", () => {
    for (const url of ["/news/council-approves-water-plan", "/sports/late-goal?x=1"]) expect([url, isListOrFeed(url)]).toEqual([url, false]);
    for (const url of ["/", "/news", "/tag/water", "/author/ana-ruiz"]) expect([url, isListOrFeed(url), isFeedOrNumbered(url)]).toEqual([url, true, false]);
    for (const url of ["/feed.xml", "/news/atom.xml", "/author/ana-ruiz/feed.json", "/news/page/3", "/tag/water/page/2", "/sitemap.xml", "/sitemaps/2.xml", "/news-sitemap.xml"]) {
      expect([url, isFeedOrNumbered(url)]).toEqual([url, true]);
    }
  });

  it("nginx honours the refresh header only with the token and only from this machine; session cookies bypass the cache", () => {
    const conf = nginxConfig({ prefix: "/x", port: 8080, upstreams: [8081, 8082], collabUpstreams: [8181, 8182], refreshToken: "tok123", user: null, staticDir: "/s" });
    expect(conf).toMatch(/geo \$dateline_local \{\s+default 0;\s+127\.0\.0\.1\/32 1;\s+::1\/128 1;\s+\}/);
    expect(conf).toContain('"1:tok123" 1;');
    expect(conf).toMatch(/proxy_cache_bypass [^;]*\$dateline_session[^;]*\$dateline_refresh;/);
    expect(conf).toMatch(/proxy_no_cache [^;]*\$dateline_session[^;]*\$dateline_private \$dateline_sets_cookie;/);
    expect(conf).toContain("location ~ ^/(dashboard|admin|api|login|forgot-password|reset-password|invite|preview)(/|$)");
    expect(conf).toContain("server 127.0.0.1:8082 max_fails=1");
  });

  it("nginx keys reader pages by their path, so every query-string variant is the page a refresh renews; search and newsletter tokens keep theirs", () => {
    const conf = nginxConfig({ prefix: "/x", port: 8080, upstreams: [8081], collabUpstreams: [8181], refreshToken: "t", user: null, staticDir: "/s" });
    expect(conf).toContain('proxy_cache_key "$request_method $dateline_cache_uri";');
    const map = /map \$request_uri \$dateline_cache_uri \{([^}]*)\}/.exec(conf)?.[1] ?? "";
    // The map's rules in order, read as nginx does (first matching regex wins; PCRE and JS agree on these).
    const rules = [...map.matchAll(/"~([^"]+)" (\S+);/g)].map(([, re, value]) => ({ re: new RegExp(re!), value: value! }));
    const key = (uri: string) => {
      const rule = rules.find((r) => r.re.test(uri))!;
      return rule.value === "$request_uri" ? uri : rule.re.exec(uri)!.groups!.dateline_path!;
    };
    const keys = {
      "/news/water-plan?utm_source=twitter": "/news/water-plan",
      "/?fbclid=1": "/",
      "/tag/city-hall?x=1": "/tag/city-hall",
      "/es/negocios/plan?utm_medium=mail": "/es/negocios/plan",
      "/search?q=council&page=2": "/search?q=council&page=2",
      "/es/search?q=agua": "/es/search?q=agua",
      "/newsletters/confirm?token=abc": "/newsletters/confirm?token=abc",
      // A section named like a query page is a reader page.
      "/searchlight/story?x=1": "/searchlight/story",
    };
    expect(Object.fromEntries(Object.keys(keys).map((uri) => [uri, key(uri)]))).toEqual(keys);
  });

  it("nginx renews what no refresh names (search results, related lists) after a short validity, serving the stored page meanwhile", () => {
    const conf = nginxConfig({ prefix: "/x", port: 8080, upstreams: [8081], collabUpstreams: [8181], refreshToken: "t", user: null, staticDir: "/s" });
    const valid = /proxy_cache_valid 200 301 308 410 (\d+)(s|m);/.exec(conf);
    expect(valid, "one validity for pages, redirects and 410s").not.toBeNull();
    expect(Number(valid![1]) * (valid![2] === "m" ? 60 : 1)).toBeLessThanOrEqual(60);
    expect(conf).toMatch(/proxy_cache_use_stale updating /);
    expect(conf).toContain("proxy_cache_background_update on;");
  });

  it("nginx passes live event streams through unbuffered and uncached, ahead of the general API location", () => {
    const conf = nginxConfig({ prefix: "/x", port: 8080, upstreams: [8081], collabUpstreams: [8091], refreshToken: "t", user: null, staticDir: "/s" });
    const live = /location \^~ \/api\/live\/ \{([^}]*)\}/.exec(conf)?.[1] ?? "";
    expect(live).toContain("proxy_buffering off;");
    expect(live).toContain("proxy_cache off;");
    expect(live).toMatch(/proxy_read_timeout \d+h;/);
  });

  it("nginx replaces the client's X-Forwarded-For with the address it saw, instead of appending to it", () => {
    const conf = nginxConfig({ prefix: "/x", port: 8080, upstreams: [8081], collabUpstreams: [8181], refreshToken: "t", user: null, staticDir: "/s" });
    expect(conf).toContain("proxy_set_header X-Forwarded-For $remote_addr;");
    expect(conf).not.toContain("$proxy_add_x_forwarded_for");
  });

  it("nginx upgrades /collab and sends it to the collaboration servers only, never through the page cache", () => {
    const conf = nginxConfig({ prefix: "/x", port: 8080, upstreams: [8081, 8082], collabUpstreams: [8181, 8182], refreshToken: "t", user: null, staticDir: "/s" });
    const upstream = /upstream dateline_collab \{([^}]*)\}/.exec(conf)?.[1] ?? "";
    expect(upstream).toContain("server 127.0.0.1:8181");
    expect(upstream).toContain("server 127.0.0.1:8182");
    expect(upstream).not.toContain("8081");
    const location = /location = \/collab \{([^}]*)\}/.exec(conf)?.[1] ?? "";
    expect(location).toContain("proxy_pass http://dateline_collab;");
    expect(location).not.toContain("proxy_cache");
    expect(conf).toContain("proxy_set_header Upgrade $http_upgrade;");
  });
});
