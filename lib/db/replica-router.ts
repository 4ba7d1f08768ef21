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
 * the LISTEN connection (re)connects. For each new epoch the router reads the primary's pg_current_wal_insert_lsn()
 * (taken after the commit, so it covers it; the insert position also covers commits not yet flushed with
 * synchronous_commit=off) and polls each replica's pg_last_wal_replay_lsn() until it has reached that position.
 * Until then public reads go to the primary, so a page rendered right after a publish (the front cache asks within
 * milliseconds) never reads a replica that has not replayed it. Nothing is polled while nothing is pending.
 */
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction } from "@prisma/driver-adapter-utils";
import { CACHE_CHANNEL_NAME } from "@/lib/cache/channel";

export type ReplicaRouterOptions = {
  primaryUrl: string;
  replicaUrls: string[];
  /** Connections per replica pool (and for the public reads' own primary pool). */
  poolSize?: number;
  log?: (line: string) => void;
};

export type RouteStats = { replica: number; primary: number; fallback: number };

/**
 * A statement that only reads, so it may run on a replica: a SELECT, or a WITH query naming no data-modifying
 * keyword. Anything else, and anything unsure (a word "update" anywhere in a WITH query), is not.
 */
export function isPlainSelect(sql: string): boolean {
  const stripped = sql.replace(/^(?:\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/, "");
  if (/\bfor\s+(?:update|share|no\s+key\s+update|key\s+share)\b/i.test(stripped)) return false;
  if (/^select\b/i.test(stripped)) return true;
  return /^with\b/i.test(stripped) && !/\b(?:insert|update|delete|merge)\b/i.test(stripped);
}

const TX_CONTROL = /^\s*(?:begin|commit|rollback|savepoint|release|set\s+transaction)\b/i;

export function parseLsn(lsn: string): bigint {
  const [hi, lo] = lsn.split("/");
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
}

/**
 * The replay position that covers everything inserted before `insertLsn`. When the last record ended exactly at a
 * page boundary, the insert position points past the next page's header, which replay never reports until more WAL
 * arrives: step back over the header (24 bytes; 40 on a segment's first page). No record can end there.
 */
export function replayTarget(insertLsn: bigint, blockSize: number, segmentSize: number): bigint {
  const inPage = insertLsn % BigInt(blockSize);
  const inSegment = insertLsn % BigInt(segmentSize);
  if (inSegment === 40n) return insertLsn - 40n;
  if (inSegment >= BigInt(blockSize) && inPage === 24n) return insertLsn - 24n;
  return insertLsn;
}

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

export class ReplicaRouter {
  readonly stats: RouteStats = { replica: 0, primary: 0, fallback: 0 };
  private epoch = 0;
  private target: { epoch: number; lsn: Promise<bigint> } | null = null;
  private listener: pg.Client | null = null;
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
    void this.connectListener();
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
    const clients = [this.listener, ...this.replicas.map((r) => r.probe)];
    this.listener = null;
    for (const r of this.replicas) r.probe = null;
    await Promise.all(clients.map((c) => c?.end().catch(() => {})));
  }

  private async connectListener(): Promise<void> {
    if (this.isClosed) return;
    const client = new pg.Client({ connectionString: this.options.primaryUrl, application_name: "dateline-replica-fence", connectionTimeoutMillis: 3_000 });
    client.on("notification", () => this.noteCommit());
    let isRetrying = false;
    const retry = () => {
      if (isRetrying) return;
      isRetrying = true;
      if (this.listener === client) this.listener = null;
      this.isListening = false;
      this.target = null;
      client.end().catch(() => {});
      if (!this.isClosed) setTimeout(() => void this.connectListener(), 1_000).unref();
    };
    client.on("error", retry);
    client.on("end", () => {
      if (this.listener === client) retry();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL_NAME}`);
      const { rows } = await client.query<{ block: number; segment: string }>(
        `SELECT current_setting('wal_block_size')::int AS block, pg_size_bytes(current_setting('wal_segment_size'))::text AS segment`,
      );
      this.wal = { blockSize: rows[0]!.block, segmentSize: Number(rows[0]!.segment) };
      if (this.isClosed) {
        await client.end();
        return;
      }
      this.listener = client;
      this.isListening = true;
      // Whatever committed while nobody listened is unknown: prove the replicas again.
      this.noteCommit();
    } catch {
      retry();
    }
  }

  /** The primary's WAL position for `epoch`, read once, after that epoch began. */
  private targetFor(epoch: number): Promise<bigint> {
    if (this.target?.epoch === epoch) return this.target.lsn;
    const listener = this.listener;
    if (!listener) return Promise.reject(new Error("not listening"));
    const lsn = listener
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

function pgFactory(connectionString: string, max: number, applicationName: string) {
  // As in lib/db/client.ts: an unanswered connection attempt fails instead of holding the request forever.
  return new PrismaPg({ connectionString, max, connectionTimeoutMillis: 5_000, application_name: applicationName });
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

/** Wraps an adapter factory so that every committed write calls `onCommit` (after the commit, never before). */
function observedFactory(inner: SqlDriverAdapterFactory, onCommit: () => void): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => new ObservedAdapter(await inner.connect(), onCommit),
  };
}

class ObservedAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;
  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly onCommit: () => void,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }
  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    const result = await this.inner.queryRaw(query);
    if (!isPlainSelect(query.sql)) this.onCommit();
    return result;
  }
  async executeRaw(query: SqlQuery): Promise<number> {
    const count = await this.inner.executeRaw(query);
    this.onCommit();
    return count;
  }
  async executeScript(script: string): Promise<void> {
    await this.inner.executeScript(script);
    this.onCommit();
  }
  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return observedTransaction(await this.inner.startTransaction(isolationLevel), this.onCommit);
  }
  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }
  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

/** Prisma sends COMMIT through executeRaw and then calls commit(): report after commit(), and only if it wrote. */
function observedTransaction(tx: Transaction, onCommit: () => void): Transaction {
  let hasWritten = false;
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => {
      if (!isPlainSelect(query.sql)) hasWritten = true;
      return tx.queryRaw(query);
    },
    // $executeRaw is for statements run for their effect (even `SELECT pg_notify(…)`): all but BEGIN/COMMIT count.
    executeRaw: (query) => {
      if (!TX_CONTROL.test(query.sql)) hasWritten = true;
      return tx.executeRaw(query);
    },
    commit: async () => {
      await tx.commit();
      if (hasWritten) onCommit();
    },
    rollback: () => tx.rollback(),
    createSavepoint: tx.createSavepoint?.bind(tx),
    rollbackToSavepoint: tx.rollbackToSavepoint?.bind(tx),
    releaseSavepoint: tx.releaseSavepoint?.bind(tx),
  };
}

class PublicReadAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;
  constructor(
    private readonly router: ReplicaRouter,
    private readonly primary: SqlDriverAdapter,
    private readonly replicas: SqlDriverAdapter[],
  ) {
    this.provider = primary.provider;
    this.adapterName = primary.adapterName;
  }
  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    const index = isPlainSelect(query.sql) ? this.router.pickReplica() : null;
    const replica = index === null ? undefined : this.replicas[index];
    if (index === null || !replica) {
      this.router.stats.primary += 1;
      return this.primary.queryRaw(query);
    }
    try {
      const result = await replica.queryRaw(query);
      this.router.stats.replica += 1;
      return result;
    } catch (error) {
      // Unreachable, shutting down, or a query cancelled by a recovery conflict: the primary answers instead.
      this.router.noteReplicaFailure(index, error);
      this.router.stats.fallback += 1;
      return this.primary.queryRaw(query);
    }
  }
  executeRaw(query: SqlQuery): Promise<number> {
    this.router.stats.primary += 1;
    return this.primary.executeRaw(query);
  }
  executeScript(script: string): Promise<void> {
    return this.primary.executeScript(script);
  }
  startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return this.primary.startTransaction(isolationLevel);
  }
  getConnectionInfo() {
    return this.primary.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }
  async dispose(): Promise<void> {
    await Promise.all([this.primary.dispose(), ...this.replicas.map((r) => r.dispose())]);
  }
}
