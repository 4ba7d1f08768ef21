/**
 * "Did you mean …" for reader search: the known spelling nearest each word of a query that finds nothing.
 *
 * The known words are the table "SearchWord": every word of published articles, kept by a trigger on Article (see
 * prisma/migrations/*_search_words). A query word not in it is looked up with pg_trgm's `%` (trigram similarity at
 * least pg_trgm.similarity_threshold, 0.3 by default) through the table's GIN trigram index, which narrows tens of
 * thousands of words to a dozen candidates in a few milliseconds. Trigram similarity alone prefers the wrong word
 * for swapped letters ("reservior" is nearer "reserve" than "reservoir" in trigrams), so the candidates are ranked
 * by edit distance (transpositions count as one edit), then by how many publications used the word.
 * docs/decisions/0018-readers-and-setup.md has the reasons.
 *
 * Per language edition (docs/decisions/0029): the words are filed under their article's edition and only the searched
 * edition's are suggested. A query word is known when the edition has it as typed, or when the edition's own search
 * (its text-search configuration: stemming, accents ignored) finds it alone, so "inversiones" is never "corrected"
 * to "inversión" in Spanish, nor "reserves" to "reserve" in English.
 */
import "server-only";
import { getPublicReadDb } from "@/lib/db";

/** At most this many words of one query are corrected (a query is at most 200 characters). */
const MAX_WORDS = 6;
const CANDIDATES_PER_WORD = 12;

/** The words of a query worth checking: runs of letters, 3 characters or more, each once, in order. */
export function queryWords(query: string): string[] {
  return [...new Set((query.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => word.length >= 3))];
}

/** Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbours as one edit. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[x.length]![y.length]!;
}

/** How far a correction may be from what was typed: one edit for short words, up to three for long ones. */
export function maxEdits(word: string): number {
  const length = [...word].length;
  return length <= 4 ? 1 : length <= 7 ? 2 : 3;
}

export type Candidate = { word: string; documents: number };

/** The best candidate within reach of `typed`: fewest edits, then the most used, then alphabetical; or null. */
export function pickCorrection(typed: string, candidates: Candidate[]): string | null {
  const limit = maxEdits(typed);
  const ranked = candidates
    .filter((c) => c.word !== typed)
    .map((c) => ({ ...c, edits: editDistance(typed, c.word) }))
    .filter((c) => c.edits <= limit)
    .sort((p, q) => p.edits - q.edits || q.documents - p.documents || p.word.localeCompare(q.word));
  return ranked[0]?.word ?? null;
}

/** `query` with each corrected word replaced wherever it stands as a whole word; the rest (quotes, "-") is kept. */
export function applyCorrections(query: string, corrections: ReadonlyMap<string, string>): string {
  return query.replace(/\p{L}+/gu, (word) => corrections.get(word.toLowerCase()) ?? word);
}

/** Which edition's words, and its PostgreSQL text-search configuration ("english", "dateline_spanish", …). */
export type SpellingScope = { editionId: string; config: string };

/**
 * The query respelt with the edition's known words, or null when every word is known or nothing near enough is.
 * Whether the respelt query finds anything is the caller's to check (a word of an article taken down since may remain known).
 */
export async function suggestSpelling(query: string, scope: SpellingScope): Promise<string | null> {
  const words = queryWords(query).slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  const db = getPublicReadDb();
  const known = await db.$queryRaw<{ word: string }[]>`
    SELECT u.word FROM unnest(${words}::text[]) AS u(word)
    WHERE EXISTS (SELECT 1 FROM "SearchWord" w WHERE w."editionId" = ${scope.editionId} AND w.word = u.word)
       OR EXISTS (
         SELECT 1 FROM "Article" a
         WHERE a."editionId" = ${scope.editionId} AND a.status = 'PUBLISHED' AND a."publishedAt" <= now()
           AND a."searchVector" @@ plainto_tsquery(${scope.config}::regconfig, u.word))`;
  const unknown = words.filter((word) => !known.some((row) => row.word === word));
  if (unknown.length === 0) return null;
  const rows = await db.$queryRaw<(Candidate & { typed: string })[]>`
    SELECT u.typed, c.word, c.documents
    FROM unnest(${unknown}::text[]) AS u(typed)
    CROSS JOIN LATERAL (
      SELECT word, documents FROM "SearchWord"
      WHERE "editionId" = ${scope.editionId} AND word % u.typed
      ORDER BY similarity(word, u.typed) DESC, documents DESC
      LIMIT ${CANDIDATES_PER_WORD}::int
    ) c`;
  const corrections = new Map<string, string>();
  for (const typed of unknown) {
    const best = pickCorrection(typed, rows.filter((row) => row.typed === typed));
    if (best) corrections.set(typed, best);
  }
  return corrections.size === 0 ? null : applyCorrections(query, corrections);
}
