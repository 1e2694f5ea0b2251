/**
 * A page as the render stage can know it without building its view: where it goes, where its CSV export
 * goes, and a key of everything the view is made from — the digest of the record it is the page of
 * (src/archive), the parts it shows of other records (list entries, sentences, names, a map's points),
 * and what is worked out across the archive (related articles, companions). Equal keys make equal pages
 * and CSVs, so a rebuild builds no view for a page whose key is unchanged (src/render/page-reuse.ts). A key
 * that takes more than its page shows costs renders; one that takes less shows stale pages, which
 * test/page-keys.test.ts looks for.
 */
export interface PageKey {
  permalink: string;
  csvPath: string | null;
  key: string;
}
