/**
 * Lag-aware read replicas for the public site (docs/decisions/0009-read-replicas.md).
 *
 * Two Prisma driver adapters share one router per process:
 * - the primary adapter (getDb: writes, dashboard, admin, auth, scheduler, rate limits, every transaction) is plain
 *   adapter-pg that also tells the router when this process commits a write;
 * - the public-read adapter (getPublicReadDb) sends a plain SELECT outside a transaction to a replica only when that
 *   replica is known to have replayed every commit this process has heard of; everything else, and any statement
 *   that fails on a replica, runs on the primary.
 *
 * "Heard of" is a counter (the epoch) bumped when this process commits a write, when a NOTIFY arrives on the
 * cache channel (any instance, the scheduler or a script published: lib/data/cache.ts expirePublicTags), and when
 * the LISTEN connection (re)connects. That connection is the process's one on the cache channel
 * (cache-handlers/listener.cjs), shared with the cache handlers' tag expiry, which therefore learns of a change in the
 * same tick as the router: no page can render between the two. For each new epoch the router reads the primary's
 * pg_current_wal_insert_lsn() (taken after the commit, so it covers it; the insert position also covers commits not
 * yet flushed with synchronous_commit=off) and polls each replica's pg_last_wal_replay_lsn() until it has reached that position.
 * Until then public reads go to the primary, so a page rendered right after a publish (the front cache asks within
 * milliseconds) never reads a replica that has not replayed it. Nothing is polled while nothing is pending.
 *
 * The SQL classification and WAL arithmetic: ./replica-sql.ts; the adapters: ./replica-adapters.ts.
 */
import pg from "pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { sharedListener, type CacheChannelListener } from "@/cache-handlers/listener.cjs";
import { observedFactory, pgFactory, PublicReadAdapter, type PublicReadRouting, type RouteStats } from "./replica-adapters";
import { parseLsn, replayTarget } from "./replica-sql";

export type ReplicaRouterOptions = {
  primaryUrl: string;
  replicaUrls: string[];
  /** Connections per replica pool (and for the public reads' own primary pool). */
  poolSize?: number;
  log?: (line: string) => void;
  /** The cache channel's listener; default the process's shared one for primaryUrl. */
  listener?: CacheChannelListener;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

type Replica = {
  index: number;
  url: string;
  label: string;
  /** The epoch this replica was last proven to have replayed; -1 when unknown. */
  verifiedEpoch: number;
  probe: pg.Client | null;
  settling: Promise<void> | null;
  isDown: boolean;
};

export class ReplicaRouter implements PublicReadRouting {
  readonly stats: RouteStats = { replica: 0, primary: 0, fallback: 0 };
  private epoch = 0;
  private target: { epoch: number; lsn: Promise<bigint> } | null = null;
  private readonly listener: CacheChannelListener;
  private readonly unsubscribe: () => void;
  private isListening = false;
  private wal = { blockSize: 8192, segmentSize: 16 * 1024 * 1024 };
  private readonly replicas: Replica[];
  private next = 0;
  private isClosed = false;
  private readonly log: (line: string) => void;

  constructor(private readonly options: ReplicaRouterOptions) {
    this.log = options.log ?? (() => {});
    this.replicas = options.replicaUrls.map((url, index) => ({
      index,
      url,
      label: `replica ${index + 1} (${safeHost(url)})`,
      verifiedEpoch: -1,
      probe: null,
      settling: null,
      isDown: false,
    }));
    this.listener = options.listener ?? sharedListener(options.primaryUrl);
    this.unsubscribe = this.listener.subscribe({
      onNotification: () => this.noteCommit(),
      onConnect: async (query) => {
        const { rows } = await query<{ block: number; segment: string }>(
          `SELECT current_setting('wal_block_size')::int AS block, pg_size_bytes(current_setting('wal_segment_size'))::text AS segment`,
        );
        this.wal = { blockSize: rows[0]!.block, segmentSize: Number(rows[0]!.segment) };
        if (this.isClosed) return;
        this.isListening = true;
        // Whatever committed while nobody listened is unknown: prove the replicas again.
        this.noteCommit();
      },
      onDisconnect: () => {
        this.isListening = false;
        this.target = null;
      },
    });
  }

  /** Something was committed on the primary: public reads use the primary until the replicas have replayed it. */
  noteCommit(): void {
    this.epoch += 1;
    for (const replica of this.replicas) this.settle(replica);
  }

  /** True when a public read would go to a replica now. */
  hasReadyReplica(): boolean {
    return this.isListening && this.replicas.some((r) => r.verifiedEpoch === this.epoch && !r.isDown);
  }

  /** Resolves when a replica is ready for public reads (tests), or rejects after `timeoutMs`. */
  async waitForReadyReplica(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!this.hasReadyReplica()) {
      if (Date.now() > until) throw new Error("no replica became ready for public reads");
      await sleep(10);
    }
  }

  /** The adapter for getDb(): the primary, reporting this process's committed writes. */
  primaryAdapter(poolSize = 10): SqlDriverAdapterFactory {
    return observedFactory(pgFactory(this.options.primaryUrl, poolSize, "dateline"), () => this.noteCommit());
  }

  /** The adapter for getPublicReadDb(): plain SELECTs to a caught-up replica, everything else to the primary. */
  publicReadAdapter(): SqlDriverAdapterFactory {
    const size = this.options.poolSize ?? 10;
    const primary = observedFactory(pgFactory(this.options.primaryUrl, Math.max(2, Math.ceil(size / 2)), "dateline-public-primary"), () =>
      this.noteCommit(),
    );
    const replicas = this.replicas.map((r) => pgFactory(r.url, size, "dateline-public-replica"));
    return {
      provider: primary.provider,
      adapterName: primary.adapterName,
      connect: async () => new PublicReadAdapter(this, await primary.connect(), await Promise.all(replicas.map((f) => f.connect()))),
    };
  }

  /** The replica a public read may use now, or null for the primary. */
  pickReplica(): number | null {
    if (!this.isListening) return null;
    const n = this.replicas.length;
    for (let i = 0; i < n; i++) {
      const replica = this.replicas[(this.next + i) % n]!;
      if (replica.verifiedEpoch === this.epoch && !replica.isDown) {
        this.next = (replica.index + 1) % n;
        return replica.index;
      }
    }
    for (const replica of this.replicas) this.settle(replica);
    return null;
  }

  /** A statement failed on a replica (it was retried on the primary): prove the replica again before using it. */
  noteReplicaFailure(index: number, error: unknown): void {
    const replica = this.replicas[index];
    if (!replica) return;
    if (replica.verifiedEpoch !== -1) this.log(`${replica.label}: a public read failed (${describe(error)}); using the primary until it answers`);
    replica.verifiedEpoch = -1;
    this.settle(replica);
  }

  async close(): Promise<void> {
    this.isClosed = true;
    this.isListening = false;
    this.unsubscribe();
    const probes = this.replicas.map((r) => r.probe);
    for (const r of this.replicas) r.probe = null;
    await Promise.all(probes.map((c) => c?.end().catch(() => {})));
  }

  /** The primary's WAL position for `epoch`, read once, after that epoch began. */
  private targetFor(epoch: number): Promise<bigint> {
    if (this.target?.epoch === epoch) return this.target.lsn;
    if (!this.isListening) return Promise.reject(new Error("not listening"));
    const lsn = this.listener
      .query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn")
      .then(({ rows }) => replayTarget(parseLsn(rows[0]!.lsn), this.wal.blockSize, this.wal.segmentSize));
    lsn.catch(() => {
      if (this.target?.lsn === lsn) this.target = null;
    });
    this.target = { epoch, lsn };
    return lsn;
  }

  /** Polls one replica until it has replayed the current epoch's target. Runs only while something is pending. */
  private settle(replica: Replica): void {
    if (replica.settling || this.isClosed) return;
    replica.settling = (async () => {
      let backoff = 1_000;
      while (!this.isClosed && replica.verifiedEpoch !== this.epoch) {
        if (!this.isListening) {
          await sleep(100);
          continue;
        }
        const epoch = this.epoch;
        try {
          const target = await this.targetFor(epoch);
          const probe = await this.probeFor(replica);
          let wait = 5;
          while (!this.isClosed) {
            const { rows } = await probe.query<{ replay: string | null }>("SELECT pg_last_wal_replay_lsn()::text AS replay");
            const replay = rows[0]?.replay;
            if (replay === null || replay === undefined) throw new Error("it is not a standby (pg_last_wal_replay_lsn() is null)");
            if (replica.isDown) {
              replica.isDown = false;
              this.log(`${replica.label} answers again`);
            }
            if (parseLsn(replay) >= target) break;
            await sleep(wait);
            wait = Math.min(wait * 2, 200);
          }
          // Proven for `epoch`; if more commits arrived meanwhile, the loop goes on with a new target.
          if (replica.verifiedEpoch < epoch) replica.verifiedEpoch = epoch;
          backoff = 1_000;
        } catch (error) {
          if (!replica.isDown && !this.isClosed && this.isListening) this.log(`${replica.label} is not usable (${describe(error)}); public reads use the primary`);
          replica.isDown = true;
          replica.verifiedEpoch = -1;
          const probe = replica.probe;
          replica.probe = null;
          await probe?.end().catch(() => {});
          await sleep(backoff);
          backoff = Math.min(backoff * 2, 10_000);
        }
      }
    })().finally(() => {
      replica.settling = null;
      if (!this.isClosed && replica.verifiedEpoch !== this.epoch) this.settle(replica);
    });
  }

  private async probeFor(replica: Replica): Promise<pg.Client> {
    if (replica.probe) return replica.probe;
    const client = new pg.Client({ connectionString: replica.url, application_name: "dateline-replica-probe", connectionTimeoutMillis: 2_000 });
    client.on("error", () => {
      if (replica.probe === client) replica.probe = null;
    });
    await client.connect();
    replica.probe = client;
    return client;
  }
}

function safeHost(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}`;
  } catch {
    return "invalid URL";
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n")[0] ?? error.name;
  return String(error);
}
