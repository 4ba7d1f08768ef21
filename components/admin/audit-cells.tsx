/**
 * Two cells of the audit log's table: the target by kind and name (linked to its staff page while it exists; a
 * deleted one keeps its id), and the details as labelled values rather than raw JSON.
 */
import { auditDetailRows } from "@/lib/audit-actions";
import type { AuditTarget } from "@/lib/data/audit";

/** How the Target column names each kind of target. */
const TARGET_TYPE: Record<string, string> = {
  User: "Person",
  Article: "Article",
  Section: "Section",
  Tag: "Tag",
  Media: "Image",
  Invitation: "Invitation",
  AdSlot: "Ad slot",
  Settings: "Settings",
};

export function AuditTargetName({ target }: { target: AuditTarget | null }) {
  if (!target) return null;
  const name = target.name ?? (target.id ? target.id : "—");
  return (
    <>
      <span className="block text-xs text-muted">{TARGET_TYPE[target.type] ?? target.type}</span>
      {target.href ? (
        <a href={target.href} className="underline">
          {name}
        </a>
      ) : (
        <span>{name}</span>
      )}
      {target.isDeleted && (
        <span className="block text-xs text-muted">
          deleted, id <span className="font-mono">{target.id}</span>
        </span>
      )}
    </>
  );
}

export function AuditDetails({ details, formatDate }: { details: unknown; formatDate: (date: Date) => string }) {
  const rows = auditDetailRows(details, formatDate);
  if (rows.length === 0) return null;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
      {rows.map((row) => (
        <div key={row.label} className="contents">
          <dt className="font-semibold">{row.label}</dt>
          <dd className="break-words">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
