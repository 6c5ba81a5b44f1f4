package dev.pulse.ingest.intake;

/** Which API an event came in through; the {@code source} tag of the ingest metrics. */
public enum Source {
    NATIVE("native"),
    SEGMENT("segment");

    private final String tag;

    Source(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
