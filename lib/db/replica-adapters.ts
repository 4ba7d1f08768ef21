/**
 * The read-replica router's Prisma driver adapters (lib/db/replica-router.ts, docs/decisions/0009-read-replicas.md):
 * one that reports this process's committed writes, and the public-read one that sends plain SELECTs to a replica the
 * router has proven caught up, and everything else (or a statement that fails there) to the primary.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction } from "@prisma/driver-adapter-utils";
import { isPlainSelect, TX_CONTROL } from "./replica-sql";

export type RouteStats = { replica: number; primary: number; fallback: number };

/** What the public-read adapter asks of the router. */
export type PublicReadRouting = {
  readonly stats: RouteStats;
  /** The replica a public read may use now, or null for the primary. */
  pickReplica(): number | null;
  noteReplicaFailure(index: number, error: unknown): void;
};

export function pgFactory(connectionString: string, max: number, applicationName: string) {
  // As in lib/db/client.ts: an unanswered connection attempt fails instead of holding the request forever.
  return new PrismaPg({ connectionString, max, connectionTimeoutMillis: 5_000, application_name: applicationName });
}

/** Wraps an adapter factory so that every committed write calls `onCommit` (after the commit, never before). */
export function observedFactory(inner: SqlDriverAdapterFactory, onCommit: () => void): SqlDriverAdapterFactory {
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

export class PublicReadAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;
  constructor(
    private readonly router: PublicReadRouting,
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
