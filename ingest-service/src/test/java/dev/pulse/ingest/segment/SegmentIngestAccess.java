package dev.pulse.ingest.segment;

import org.springframework.context.annotation.Import;

/** Lets slice tests outside this package import the package-private Segment service. */
@Import(SegmentIngest.class)
public class SegmentIngestAccess {
}
