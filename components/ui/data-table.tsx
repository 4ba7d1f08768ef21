/**
 * The staff lists' table: a result count (a polite status), the table in a scroll region that keyboard users can
 * scroll sideways, an empty state, and pagination. A server component: pages pass plain data and cell functions.
 *
 *   <DataTable
 *     caption="Staff accounts"
 *     rows={users}
 *     rowKey={(user) => user.id}
 *     columns={[
 *       { header: "Name", isRowHeader: true, cell: (user) => user.name },
 *       { header: "Email", cell: (user) => user.email },
 *     ]}
 *     status={total === 0 ? "No accounts match." : `${countOf(total, "account", "accounts")}.`}
 *     empty={<p>No accounts yet.</p>}
 *     pagination={{ page, totalPages, hrefFor: (n) => `/admin/users?page=${n}` }}
 *   />
 *
 * With no rows the table is left out: `empty` shows instead (when given). `label` names the scroll region when the
 * caption is long ("Audit entries" for "Audit entries, newest first"). `className` is for the region's margins and
 * width. Filters go above it in a <FilterBar>.
 */
import type { ComponentProps, ReactNode } from "react";
import { Pagination } from "./pagination";

export type Column<Row> = { header: ReactNode; cell: (row: Row, index: number) => ReactNode; isRowHeader?: boolean; className?: string };

type Props<Row> = {
  caption: string;
  label?: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  status?: ReactNode;
  empty?: ReactNode;
  pagination?: ComponentProps<typeof Pagination>;
  className?: string;
};

/** "1 article", "3 articles". */
export function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A list's result count, read out politely when a filter changes it. */
export function ListStatus({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="mt-4 text-sm text-muted">
      {children}
    </p>
  );
}

const CELL = "py-2 pr-4 last:pr-0";

export function DataTable<Row>({ caption, label = caption, columns, rows, rowKey, status, empty, pagination, className }: Props<Row>) {
  return (
    <>
      {status !== undefined && <ListStatus>{status}</ListStatus>}
      {rows.length === 0
        ? empty
        : (
            <div className={`mt-2 overflow-x-auto ${className ?? ""}`} tabIndex={0} role="region" aria-label={`${label} (scrolls sideways on narrow screens)`}>
              <table className="w-full border-collapse text-left text-sm">
                <caption className="sr-only">{caption}</caption>
                <thead>
                  <tr className="border-b border-gray-300">
                    {columns.map((column, i) => (
                      <th key={i} scope="col" className={CELL}>
                        {column.header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, index) => (
                    <tr key={rowKey(row)} className="border-b border-gray-200 align-top">
                      {columns.map((column, i) =>
                        column.isRowHeader ? (
                          <th key={i} scope="row" className={`${CELL} font-medium ${column.className ?? ""}`}>
                            {column.cell(row, index)}
                          </th>
                        ) : (
                          <td key={i} className={`${CELL} ${column.className ?? ""}`}>
                            {column.cell(row, index)}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
      {pagination && <Pagination {...pagination} />}
    </>
  );
}
