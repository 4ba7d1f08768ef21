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

/** Something that is done once was done already (a story's breaking alert): the message says when and by whom. */
export class AlreadyDoneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AlreadyDoneError";
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

/** PostgreSQL error classes that mean "the server is going away or not there yet", not "this query is wrong". */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006"]);
/** Prisma's codes for an unreachable server, a closed connection, an exhausted pool, and a transaction that outlived
 * its time limit (an overloaded server): all pass, and the same request succeeds later. */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** The driver adapter's kinds for the same. */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_MESSAGE = /Connection terminated|ECONNREFUSED|ECONNRESET|Can't reach database server|database system is (shutting down|starting up|in recovery mode)|terminating connection due to administrator command|Connection is closed|has encountered a connection error and is not queryable/i;

/**
 * Whether an error means the database cannot be reached right now (stopped, restarting, out of connections), so the
 * caller should answer 503 and the client retry, rather than report a bug. Looks through Prisma's wrapper, the
 * driver adapter's cause and the pg error underneath.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object" && !seen.has(current); depth++) {
    seen.add(current);
    const e = current as { name?: unknown; code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; meta?: { driverAdapterError?: unknown }; cause?: unknown };
    if (e.name === "PrismaClientInitializationError") return true;
    if (typeof e.code === "string" && (UNAVAILABLE_PRISMA_CODES.has(e.code) || UNAVAILABLE_SQLSTATES.has(e.code))) return true;
    if (typeof e.originalCode === "string" && UNAVAILABLE_SQLSTATES.has(e.originalCode)) return true;
    if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
    if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    current = e.meta?.driverAdapterError ?? e.cause;
  }
  return false;
}

/** A save refused because the text it would write is open for co-editing (docs/decisions/0015-co-editing.md). */
export class SharedSessionError extends Error {
  constructor() {
    super(
      "This article is open for co-editing right now, so this save was not applied: it would overwrite what the people in it are typing. " +
        "Your text is kept in the article's history (not applied). Open the article in the editor to write together.",
    );
    this.name = "SharedSessionError";
  }
}

/** A workflow transition not allowed from the article's current status, or whose publish checklist is not met. */
export class WorkflowError extends Error {
  constructor(
    message: string,
    public readonly missing: string[] = [],
  ) {
    super(message);
    this.name = "WorkflowError";
  }
}
