// Zuora v1 lists page with `page`/`pageSize` (≤ 40 for most lists) and a `nextPage` link; a memo's items, parts or
// files rarely pass one page, but a memo of 1,000 items must still show them all. The one loop over those pages.
export const MAX_PAGE_SIZE = 40;

/** Every row of a paged list: pages 1, 2, … until one has no `nextPage` (or no rows), at most `maxPages`. */
export async function fetchAllPages<T>(
  fetchPage: (page: number) => Promise<{ rows: T[]; nextPage?: string | null }>,
  maxPages = 50,
): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const r = await fetchPage(page);
    rows.push(...r.rows);
    if (!r.nextPage || r.rows.length === 0) break;
  }
  return rows;
}
