/**
 * `npm run db:seed` seeds the demo newsroom (idempotent); `npm run db:seed -- --articles N` also adds N synthetic
 * published articles in batches. Uses DATABASE_URL, else the embedded dev database in .data/postgres.
 */
import { createPrismaClient } from "@/lib/db/client";
import { seedDemo, seedSynthetic } from "@/prisma/seed";
import { prepareDatabase } from "./prepare";

async function main() {
  const args = process.argv.slice(2);
  const index = args.indexOf("--articles");
  const count = index >= 0 ? Number.parseInt(args[index + 1] ?? "", 10) : 0;
  if (index >= 0 && (!Number.isFinite(count) || count <= 0)) {
    console.error("--articles needs a positive number, e.g. npm run db:seed -- --articles 10000");
    process.exit(2);
  }
  const prepared = await prepareDatabase({ url: process.env.DATABASE_URL || undefined, seed: false });
  const db = createPrismaClient(prepared.url, { max: 4 });
  try {
    const result = await seedDemo(db);
    console.log(`demo newsroom: ${result.articles} new articles`);
    if (count > 0) {
      const started = Date.now();
      await seedSynthetic(db, count, { log: (line) => console.log(line) });
      console.log(`added ${count} synthetic articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await db.$disconnect();
    await prepared.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
