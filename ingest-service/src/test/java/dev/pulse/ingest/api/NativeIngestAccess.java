package dev.pulse.ingest.api;

import org.springframework.context.annotation.Import;

/** Lets slice tests outside this package import the package-private native service. */
@Import(NativeIngest.class)
public class NativeIngestAccess {
}
