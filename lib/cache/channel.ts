/** The PostgreSQL NOTIFY channel on which public cache invalidations are announced to every app instance. */
export const CACHE_CHANNEL_NAME = "dateline_cache_tags";
