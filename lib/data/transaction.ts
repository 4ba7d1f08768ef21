/**
 * Unique indexes are the last word on "this name is taken": each change checks first and says which field is wrong,
 * but two changes at once can both pass their checks, and then the database refuses the second (Prisma's P2002).
 * These turn that refusal into the same clear DataValidationError instead of a 500.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { DataValidationError } from "./errors";

/** Whether `error` is a unique-index violation, on the model named `model` when given. */
export function isUniqueViolation(error: unknown, model?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return model === undefined || error.meta?.modelName === model;
}

/** Runs `change` in a transaction; a unique-index violation in it is refused as `taken`. */
export async function transactionRefusingTaken<T>(change: (tx: DbTx) => Promise<T>, taken: { field: string; message: string }): Promise<T> {
  try {
    return await getDb().$transaction(change);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DataValidationError(taken.field, taken.message);
    throw error;
  }
}
