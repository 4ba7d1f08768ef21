// Re-render the front page as a publish would: expire its tags (home, latest) as expirePublicTags does, then GET /.
import pg from "pg";
const [port, n, tagsArg] = process.argv.slice(2);
const tags = (tagsArg || "home,latest").split(",");
const c = new pg.Client({ connectionString: "postgresql://postgres:postgres@127.0.0.1:43837/dateline_bench" });
await c.connect();
const base = `http://127.0.0.1:${port}`;
const t = [];
let misses = 0;
for (let i = 0; i < Number(n); i++) {
  await c.query(`INSERT INTO "CacheTag" (tag, "expiredAt") SELECT unnest($1::text[]), clock_timestamp() ON CONFLICT (tag) DO UPDATE SET "expiredAt" = EXCLUDED."expiredAt"`, [tags]);
  await c.query(`SELECT pg_notify('dateline_cache_tags', jsonb_build_object('tags', $1::text[], 'at', extract(epoch from clock_timestamp()) * 1000)::text)`, [tags]);
  await new Promise((r) => setTimeout(r, 60));
  const s = performance.now();
  const r = await fetch(base + "/");
  await r.text();
  t.push(performance.now() - s);
  if (r.headers.get("x-nextjs-cache") !== "MISS") misses++;
}
t.sort((a, b) => a - b);
console.log(`front re-render after expiry: p50 ${t[Math.floor(t.length / 2)].toFixed(1)} ms (n=${t.length}, not a MISS: ${misses})`);
await c.end();
