/** Errors the data layer throws on purpose. Routes and actions turn them into a status code or a clear message. */
export { ForbiddenError } from "@/lib/auth/permissions";

export class NotFoundError extends Error {
  constructor(what = "That item") {
    super(`${what} was not found.`);
    this.name = "NotFoundError";
  }
}

/** An optimistic-lock conflict: somebody else saved since the version this change was based on. */
export class ConflictError extends Error {
  constructor(
    public readonly currentVersion: number,
    message = "Someone else saved this article since you opened it.",
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

/** Input that passed the shape checks but breaks a rule only the database knows (a taken email, say). */
export class DataValidationError extends Error {
  constructor(
    public readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "DataValidationError";
  }
}
