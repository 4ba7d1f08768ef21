/** Unique test data, so specs can run in parallel and in any order. */
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { slugify } from "@/lib/content/slug";
import type { Role } from "@/lib/auth/permissions";
import { testDb } from "./db";

export const TEST_PASSWORD = "correct-horse-battery-42";

export function uniqueId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

export type TestUser = { id: string; email: string; name: string; role: Role; password: string };

export async function createTestUser(role: Role, overrides: { name?: string } = {}): Promise<TestUser> {
  const id = uniqueId();
  const name = overrides.name ?? `Test ${role.toLowerCase()} ${id}`;
  const email = `${role.toLowerCase()}-${id}@e2e.dateline.test`;
  const user = await testDb().user.create({
    data: {
      email,
      name,
      slug: slugify(`${name}`),
      role,
      status: "ACTIVE",
      passwordHash: await hashPassword(TEST_PASSWORD, 4),
    },
    select: { id: true },
  });
  return { id: user.id, email, name, role, password: TEST_PASSWORD };
}
