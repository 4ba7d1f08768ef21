/**
 * The shared steps of the editor's server actions: run the data-layer call, revalidate the editor page on success,
 * and turn any error into an ActionResult the UI can show.
 */
import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, type ActionResult } from "@/lib/actions/result";

export const Id = z.string().min(1).max(40);

export const editorPath = (id: string) => `/dashboard/articles/${id}`;

export async function run<T>(fn: () => Promise<T>, path?: string): Promise<ActionResult<T>> {
  try {
    const data = await fn();
    if (path) revalidatePath(path);
    return { ok: true, data } as ActionResult<T>;
  } catch (error) {
    return failure(error);
  }
}
