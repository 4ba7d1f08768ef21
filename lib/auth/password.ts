/**
 * Password hashing with bcrypt (bcryptjs: pure JavaScript, nothing to compile or download).
 * The cost factor is 12 in production; tests and seeding may lower it through the `rounds` argument only.
 */
import bcrypt from "bcryptjs";

export const MIN_PASSWORD_LENGTH = 12;
const ROUNDS = 12;

export function hashPassword(password: string, rounds = ROUNDS): Promise<string> {
  return bcrypt.hash(password, rounds);
}

/** A real bcrypt hash of a random string: compared against when the email is unknown, so timing does not tell. */
const DUMMY_HASH = "$2b$12$BwLYlM6lqovAN/FPtU6o5uzHN.UThJzG.xpItpb7A/isA3byy03MG";

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return ok && Boolean(hash);
}
