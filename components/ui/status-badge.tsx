/** An article's workflow status as a small coloured label: `<StatusBadge status={article.status} />`. */
import { statusLabel } from "@/lib/article-status";

const STYLES: Record<string, string> = {
  DRAFT: "bg-gray-100 text-gray-800",
  CHANGES_REQUESTED: "bg-orange-100 text-orange-900",
  IN_REVIEW: "bg-amber-100 text-amber-900",
  SCHEDULED: "bg-blue-100 text-blue-900",
  PUBLISHED: "bg-green-100 text-green-900",
  ARCHIVED: "bg-gray-200 text-gray-700",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${STYLES[status] ?? ""}`}>{statusLabel(status)}</span>;
}
