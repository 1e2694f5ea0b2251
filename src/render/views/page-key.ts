/**
 * A page as the render stage can know it without building its view: where it goes, where its CSV export
 * goes, and a key of everything the view is made from — the digests of the records it shows
 * (src/archive) and what it takes from other records, such as names. Equal keys make equal pages and CSVs,
 * so a rebuild builds no view for a page whose key is unchanged (src/render/page-reuse.ts).
 */
export interface PageKey {
  permalink: string;
  csvPath: string | null;
  key: string;
}
