package dev.pulse.ingest.segment;

import dev.pulse.ingest.IngestProperties;
import dev.pulse.ingest.auth.WriteKeys;
import dev.pulse.ingest.intake.Batch;
import dev.pulse.ingest.intake.BatchAssembler;
import dev.pulse.ingest.intake.Intake;
import dev.pulse.ingest.intake.JsonBodies;
import dev.pulse.ingest.intake.JsonEnvelope;
import dev.pulse.ingest.intake.MalformedBodyException;
import dev.pulse.ingest.intake.Refusal;
import dev.pulse.ingest.intake.RequestRefusedException;
import dev.pulse.ingest.intake.Source;
import dev.pulse.ingest.web.IngestRequest;
import org.springframework.stereotype.Service;

/**
 * The Segment HTTP Tracking API. A batch answers 200 once its good messages are in Kafka and its bad ones in the
 * DLQ: an SDK would resend a whole batch on any error, and resending cannot fix a bad message. A single-message
 * call whose message is bad answers 400 with the rejection's code (after storing it in the DLQ).
 */
@Service
class SegmentIngest {

    private final WriteKeys writeKeys;
    private final BatchAssembler assembler;
    private final Intake intake;
    private final int maxBatchEvents;

    SegmentIngest(WriteKeys writeKeys, BatchAssembler assembler, Intake intake, IngestProperties properties) {
        this.writeKeys = writeKeys;
        this.assembler = assembler;
        this.intake = intake;
        this.maxBatchEvents = properties.limits().maxBatchEvents();
    }

    void ingest(SegmentCall call, IngestRequest request) {
        JsonEnvelope envelope;
        try {
            envelope = call.isBatch() ? JsonBodies.batch(request.body(), maxBatchEvents) : JsonBodies.single(request.body());
        } catch (MalformedBodyException e) {
            // without HTTP Basic the key would be in the body that cannot be read: that is a 401, and nothing is stored
            String keySource = writeKeys.authenticate(request.basicKey().orElse(null));
            intake.rejectBody(Source.SEGMENT, call.path(), keySource, request.receivedAt(), request.body(), e.getMessage());
            throw new RequestRefusedException(Refusal.INVALID_JSON, e.getMessage());
        }
        String keySource = writeKeys.authenticate(request.basicKey().orElseGet(() -> envelope.text("writeKey")));
        Batch batch = assembler.assemble(Source.SEGMENT, call.path(), keySource, request.receivedAt(), envelope.events(),
                new SegmentMessageMapper(call, envelope, request.receivedAt()));
        intake.submit(batch);
        if (!call.isBatch() && !batch.rejections().isEmpty()) {
            throw RequestRefusedException.invalidEvent(batch.rejections().get(0));
        }
    }
}
