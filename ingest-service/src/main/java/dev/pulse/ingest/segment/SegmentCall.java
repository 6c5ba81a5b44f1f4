package dev.pulse.ingest.segment;

/**
 * The Segment HTTP Tracking API endpoints, and the message type each single-message endpoint implies. The path is the
 * endpoint's own name, recorded with its events and rejections, also for the short paths analytics.js posts to.
 */
enum SegmentCall {
    TRACK("/v1/track", "track"),
    PAGE("/v1/page", "page"),
    SCREEN("/v1/screen", "screen"),
    IDENTIFY("/v1/identify", "identify"),
    GROUP("/v1/group", "group"),
    ALIAS("/v1/alias", "alias"),
    BATCH("/v1/batch", null),
    /** analytics-java posts its batches here */
    IMPORT("/v1/import", null);

    private final String path;
    private final String type;

    SegmentCall(String path, String type) {
        this.path = path;
        this.type = type;
    }

    String path() {
        return path;
    }

    /** The message type of a single-message endpoint; null for batches, whose messages each say their type. */
    String impliedType() {
        return type;
    }

    boolean isBatch() {
        return type == null;
    }
}
