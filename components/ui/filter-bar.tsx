/**
 * The filter row above a list: a GET form (the query string is the state, so every view is a link) with role
 * "search" and a name, the fields given as children, an Apply button, and a Clear link while filters are on.
 *
 *   <FilterBar label="Filter staff" clearHref={isFiltered ? "/admin/users" : undefined}>
 *     <TextField id="q" name="q" type="search" label="Search by name or email" className="grow" … />
 *   </FilterBar>
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "./button";

type Props = { label: string; submitLabel?: string; clearHref?: string; className?: string; children: ReactNode };

export function FilterBar({ label, submitLabel = "Apply", clearHref, className, children }: Props) {
  return (
    <form method="get" role="search" aria-label={label} className={`mt-6 flex flex-wrap items-end gap-3 ${className ?? ""}`}>
      {children}
      <div className="flex items-center gap-3">
        <Button type="submit">{submitLabel}</Button>
        {clearHref && (
          <Link href={clearHref} className="text-sm underline">
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
