/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, else to the embedded dev database. */
import { prepareDatabase } from "./prepare";

async function main() {
  const prepared = await prepareDatabase({ url: process.env.DATABASE_URL || undefined, seed: false });
  await prepared.embedded?.stop();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
