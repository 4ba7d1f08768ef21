/**
 * Passwords: bcrypt hashing and the newsroom's password policy. The cost factor is 12 in production; tests and
 * seeding may lower it through the `rounds` argument only.
 *
 * bcrypt is the native `bcrypt` package, whose async calls run on libuv's thread pool, never on the event loop: one
 * cost-12 hash is ~250 ms of CPU, and on the main thread a flood of sign-ins stalled every other request (issue 20,
 * finding 3). At most PASSWORD_WORK.concurrency run at once per process, leaving a core for everything else; a few
 * more wait, and beyond that a verification is refused at once with BusyError ("try again shortly"). Hashing a
 * new password waits instead (it only follows a valid session or link).
 *
 * The policy follows NIST SP 800-63B rather than composition rules: long enough (12 characters), not a known or
 * trivially guessable password, not the person's own email or name. It is checked by the zod schemas (so forms say
 * what is wrong) and again by the data layer (which also knows the email and name).
 */
import { availableParallelism } from "node:os";
import bcrypt from "bcrypt";
import { createWorkLimiter } from "@/lib/security/work-limiter";
import { COMMON_PASSWORDS } from "./common-passwords";

export const MIN_PASSWORD_LENGTH = 12;
/** bcrypt reads only the first 72 bytes; a longer password would be silently cut, so it is refused instead. */
export const MAX_PASSWORD_BYTES = 72;
const ROUNDS = 12;

const concurrency = Math.max(1, Math.min(4, availableParallelism() - 1));
export const PASSWORD_WORK = { concurrency, maxQueue: 8 * concurrency } as const;
const limiter = createWorkLimiter(PASSWORD_WORK);

/** How many hashes run and wait in this process now (for tests and diagnostics). */
export const passwordWorkLoad = limiter.load;

/** Whether a verification started now would be queued rather than refused: sign-in asks before any other work. */
export function hasPasswordWorkRoom(): boolean {
  const { running, queued } = limiter.load();
  return running < PASSWORD_WORK.concurrency || queued < PASSWORD_WORK.maxQueue;
}

export function hashPassword(password: string, rounds = ROUNDS): Promise<string> {
  return limiter.run(() => bcrypt.hash(password, rounds), { mayRefuse: false });
}

/** A real bcrypt hash (cost 12): compared against when the email is unknown, so the work and its time are the same. */
const DUMMY_HASH = "$2b$12$BwLYlM6lqovAN/FPtU6o5uzHN.UThJzG.xpItpb7A/isA3byy03MG";

/** Throws BusyError when too many verifications are running and waiting already. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await limiter.run(() => bcrypt.compare(password, hash ?? DUMMY_HASH));
  return ok && Boolean(hash);
}

/** Runs of keys or characters that people type as "long" passwords; any 12+ slice of them is refused. */
const SEQUENCES = [
  "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
  "01234567890123456789012345678901234567890",
  "qwertyuiopasdfghjklzxcvbnmqwertyuiopasdfghjklzxcvbnm",
  "qwertzuiopasdfghjklyxcvbnm",
  "azertyuiopqsdfghjklmwxcvbn",
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
  "zaq1xsw2cde3vfr4bgt5nhy6mju7",
  "qweasdzxcrtyfghvbnuiojklm",
];

function isSequence(lower: string): boolean {
  const reversed = [...lower].reverse().join("");
  return SEQUENCES.some((run) => run.includes(lower) || run.includes(reversed));
}

function compact(value: string): string {
  return value.toLowerCase().replace(/[\s._\-]+/g, "");
}

export type PasswordIdentity = { email?: string | null; name?: string | null };

/**
 * What is wrong with `password` for this person, as a sentence to show them, or null when it may be used.
 * `identity` adds the checks against the person's own email and name (the data layer always passes it).
 */
export function passwordProblem(password: string, identity: PasswordIdentity = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (new TextEncoder().encode(password).length > MAX_PASSWORD_BYTES) return `Use at most ${MAX_PASSWORD_BYTES} characters.`;
  const lower = password.toLowerCase();
  const word = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(compact(password)) || (word.length > 0 && COMMON_PASSWORDS.has(word))) {
    return "That password is too common: it is on a list of passwords attackers try first. Choose another.";
  }
  if (isSequence(lower) || /^(.+?)\1+$/su.test(lower) || new Set(lower).size < 4) {
    return "That password is too easy to guess (a repeated or keyboard pattern). Choose another.";
  }
  const email = identity.email?.trim().toLowerCase();
  const name = identity.name?.trim();
  const own = [email, email?.split("@")[0], name].filter((v): v is string => Boolean(v && v.length >= 3)).map(compact);
  if (own.includes(compact(password))) return "Do not use your email or your name as your password.";
  return null;
}
