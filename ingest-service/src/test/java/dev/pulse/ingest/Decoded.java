package dev.pulse.ingest;

import dev.pulse.ingest.intake.Batch;
import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventJson;
import java.util.List;

/** A batch's accepted events read back from the bytes that go to Kafka, for tests that check what they say. */
public final class Decoded {

    private Decoded() {
    }

    public static List<Event> events(Batch batch) {
        return batch.events().stream().map(event -> EventJson.read(event.json())).toList();
    }
}
