/**
 * The Content API's door (lib/api/access.ts): made-up keys cost a database read each, so one client (an IPv4 address
 * or an IPv6 /64) may present at most KEY_MISS_LIMIT of them a minute; after that its keys are refused unread, while
 * other clients and valid keys elsewhere go on.
 */
import { describe, expect, it } from "vitest";
import { checkAccess, KEY_MISS_LIMIT } from "@/lib/api/access";
import { createApiKey } from "@/lib/data/api/keys";
import { installPeerHeader, PEER_HEADER } from "@/lib/security/peer-header";
import { makeUser, uid } from "../support/factories";

// As in a server process: the peer address comes from the socket (here, from the test), never from a client header.
installPeerHeader();

/** A /64 of its own for each run, so that no other test shares its counts (they are kept in PostgreSQL). */
const line = () => `2001:db8:${(Math.floor(Math.random() * 0xffff)).toString(16)}:${(Date.now() % 0xffff).toString(16)}`;
const from = (address: string, key: string) => ({ [PEER_HEADER]: address, authorization: `Bearer ${key}` });
/** The answer's status: 200 when let in. */
const status = async (answer: ReturnType<typeof checkAccess>) => {
  const access = await answer;
  return access.ok ? 200 : access.status;
};

describe("keys that are not valid", () => {
  it("one client may present KEY_MISS_LIMIT a minute, from any address of its /64; then its keys are refused, other clients' are not", async () => {
    const admin = await makeUser("ADMIN");
    const { key } = await createApiKey(admin, { name: `Door ${uid()}`, scopes: ["articles"], rateLimit: 10_000 });
    const [noisy, other] = [line(), line()];
    for (let i = 1; i <= KEY_MISS_LIMIT; i++) {
      expect(await status(checkAccess(from(`${noisy}::${i.toString(16)}`, `dl_made_up_${uid()}`), "articles")), `miss ${i}`).toBe(401);
    }
    const refused = await checkAccess(from(`${noisy}:ffff::1`, `dl_made_up_${uid()}`), "articles");
    expect(refused).toMatchObject({ ok: false, status: 429, detail: expect.stringMatching(/Too many keys that are not valid/) });
    expect(await status(checkAccess(from(`${noisy}::2`, key), "articles")), "refused unread, even a valid one, until the minute ends").toBe(429);

    expect(await status(checkAccess(from(`${other}::1`, `dl_made_up_${uid()}`), "articles")), "another /64").toBe(401);
    expect(await checkAccess(from(`${other}::1`, key), "articles")).toMatchObject({ ok: true, policy: "key" });
  });
});
