import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/data/errors";

describe("isDatabaseUnavailable", () => {
  it("recognises a server that refuses connections, through Prisma's error", async () => {
    // Port 1 on this machine: nothing listens, the connection is refused at once.
    const db = createPrismaClient("postgresql://postgres:postgres@127.0.0.1:1/none", { max: 1 });
    const error = await db.user.count().catch((e: unknown) => e);
    await db.$disconnect();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("recognises a server shutting down or starting up (SQLSTATE class 57P, 08), however deeply wrapped", () => {
    expect(isDatabaseUnavailable({ code: "57P01", message: "terminating connection due to administrator command" })).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: new Error("wrapped again", { cause: { code: "57P03" } }) }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    // node-postgres, for a pooled client whose connection broke while a query was on its way (seen in the db-fault drill).
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
  });

  it("does not mistake ordinary failures for an outage", () => {
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable({ code: "P2002", message: "Unique constraint failed" })).toBe(false);
    expect(isDatabaseUnavailable({ code: "23505" })).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
