package dev.pulse.ingest.api;

import dev.pulse.ingest.IngestProperties;
import dev.pulse.ingest.auth.WriteKeys;
import dev.pulse.ingest.intake.Batch;
import dev.pulse.ingest.intake.IngestMetrics;
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
 * The native API: authenticate, read the batch, hand it to the intake. A batch of plainly valid events is read
 * straight into the bytes for Kafka ({@link DirectNativeReader}); any other takes the full path: split the batch, map
 * each event, reject what is wrong.
 */
@Service
class NativeIngest {

    private final WriteKeys writeKeys;
    private final BatchAssembler assembler;
    private final Intake intake;
    private final int maxBatchEvents;
    private final DirectNativeReader direct;
    private final IngestMetrics metrics;

    NativeIngest(WriteKeys writeKeys, BatchAssembler assembler, Intake intake, IngestProperties properties,
                 IngestMetrics metrics) {
        this.writeKeys = writeKeys;
        this.assembler = assembler;
        this.intake = intake;
        this.metrics = metrics;
        IngestProperties.Limits limits = properties.limits();
        this.maxBatchEvents = limits.maxBatchEvents();
        this.direct = new DirectNativeReader((int) limits.maxEventSize().toBytes(), limits.maxFutureSkew(),
                maxBatchEvents);
    }

    NativeResponse ingest(IngestRequest request) {
        String keySource = writeKeys.authenticate(request.basicKey().orElse(null));
        Batch batch = direct.read(request.body(), request.endpoint(), keySource, request.receivedAt());
        metrics.read(batch != null);
        return NativeResponse.of(intake.submit(batch != null ? batch : fullPath(request, keySource)));
    }

    private Batch fullPath(IngestRequest request, String keySource) {
        JsonEnvelope envelope;
        try {
            envelope = JsonBodies.batch(request.body(), maxBatchEvents);
        } catch (MalformedBodyException e) {
            intake.rejectBody(Source.NATIVE, request.endpoint(), keySource, request.receivedAt(), request.body(), e.getMessage());
            throw new RequestRefusedException(Refusal.INVALID_JSON, e.getMessage());
        }
        return assembler.assemble(Source.NATIVE, request.endpoint(), keySource, request.receivedAt(),
                envelope.events(), new NativeEventMapper(envelope, request.receivedAt()));
    }
}
