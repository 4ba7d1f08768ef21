/**
 * What server actions and API routes answer: a result the UI can show, never a raw error. Known errors from the
 * data layer become clear messages; anything else is logged and answered with a generic failure.
 */
import "server-only";
import { ZodError } from "zod";
import { AlreadyDoneError, ConflictError, DataValidationError, ForbiddenError, isDatabaseUnavailable, NotFoundError, SharedSessionError, WorkflowError } from "@/lib/data/errors";
import { BusyError } from "@/lib/security/work-limiter";

export type ActionFailure = {
  ok: false;
  status: number;
  message: string;
  fieldErrors?: Record<string, string>;
  missing?: string[];
  currentVersion?: number;
};
export type ActionResult<T = undefined> = { ok: true; data: T; message?: string } | ActionFailure;

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is not answering for the moment. Your work is kept; it is saved as soon as the database is back.";

export function failure(error: unknown): ActionFailure {
  if (error instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    return { ok: false, status: 400, message: error.issues[0]?.message ?? "Check the form.", fieldErrors };
  }
  if (error instanceof SharedSessionError) return { ok: false, status: 423, message: error.message };
  if (error instanceof ConflictError) return { ok: false, status: 409, message: error.message, currentVersion: error.currentVersion };
  if (error instanceof AlreadyDoneError) return { ok: false, status: 409, message: error.message };
  if (error instanceof WorkflowError) return { ok: false, status: 422, message: error.message, missing: error.missing };
  if (error instanceof DataValidationError) return { ok: false, status: 400, message: error.message, fieldErrors: { [error.field]: error.message } };
  if (error instanceof ForbiddenError) return { ok: false, status: 403, message: error.message };
  if (error instanceof NotFoundError) return { ok: false, status: 404, message: error.message };
  // Too many password checks at once (a sign-in flood): the same request works a few seconds later.
  if (error instanceof BusyError) return { ok: false, status: 503, message: error.message };
  if (isDatabaseUnavailable(error)) {
    // An outage, not a bug: one line in the log, and a 503 the client retries.
    console.error(`[dateline] the database is unavailable: ${error instanceof Error ? error.message.split("\n").filter(Boolean).at(-1) : String(error)}`);
    return { ok: false, status: 503, message: DATABASE_UNAVAILABLE_MESSAGE };
  }
  console.error("[dateline] unexpected error in an action", error);
  return { ok: false, status: 500, message: "Something went wrong on our side. Your work is kept; try again in a moment." };
}
