package dev.pulse.ingest.api;

import org.springframework.context.annotation.Import;

/** Lets slice tests import the package-private native service, and its endpoint. */
@Import({NativeIngest.class, NativeApiConfiguration.class})
public class NativeIngestAccess {
}
