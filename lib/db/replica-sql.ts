/**
 * The read-replica router's pure parts (lib/db/replica-router.ts): which statements may run on a replica, and the
 * WAL arithmetic that says when a replica has replayed a commit.
 */

/**
 * A statement that only reads, so it may run on a replica: a SELECT, or a WITH query naming no data-modifying
 * keyword. Anything else, and anything unsure (a word "update" anywhere in a WITH query), is not.
 */
export function isPlainSelect(sql: string): boolean {
  const stripped = sql.replace(/^(?:\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/, "");
  if (/\bfor\s+(?:update|share|no\s+key\s+update|key\s+share)\b/i.test(stripped)) return false;
  if (/^select\b/i.test(stripped)) return true;
  return /^with\b/i.test(stripped) && !/\b(?:insert|update|delete|merge)\b/i.test(stripped);
}

/** BEGIN, COMMIT and the like: statements a transaction sends that write nothing themselves. */
export const TX_CONTROL = /^\s*(?:begin|commit|rollback|savepoint|release|set\s+transaction)\b/i;

export function parseLsn(lsn: string): bigint {
  const [hi, lo] = lsn.split("/");
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
}

/**
 * The replay position that covers everything inserted before `insertLsn`. When the last record ended exactly at a
 * page boundary, the insert position points past the next page's header, which replay never reports until more WAL
 * arrives: step back over the header (24 bytes; 40 on a segment's first page). No record can end there.
 */
export function replayTarget(insertLsn: bigint, blockSize: number, segmentSize: number): bigint {
  const inPage = insertLsn % BigInt(blockSize);
  const inSegment = insertLsn % BigInt(segmentSize);
  if (inSegment === 40n) return insertLsn - 40n;
  if (inSegment >= BigInt(blockSize) && inPage === 24n) return insertLsn - 24n;
  return insertLsn;
}
