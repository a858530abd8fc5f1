/** Names shared by the page and the service worker (sw/sw.ts) for what is kept on the phone. */
export const PERSONAL_CACHE = "citizen-pages-v1";
// Where an earlier build kept statuses and its queue (TanStack): read once, moved to the outbox, dropped.
export const QUERY_CACHE_KEY = "chu-dong-query-cache";
