/** Numbered pages of a staff list: the page asked for, kept within 1..totalPages, and the rows to skip to reach it. */
export function clampPage(total: number, requested: number | undefined, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(1, Math.floor(requested ?? 1)), totalPages);
  return { page, totalPages, skip: (page - 1) * perPage };
}
