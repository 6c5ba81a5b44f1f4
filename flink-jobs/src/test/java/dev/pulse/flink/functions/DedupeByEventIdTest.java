package dev.pulse.flink.functions;

import static dev.pulse.flink.testing.Fixtures.ONE_HOUR;
import static dev.pulse.flink.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.flink.events.CleanEvent;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DedupeByEventIdTest {

    private static final Duration TTL = Duration.ofHours(24);
    /** T0 is a bucket boundary; ids seen in [T0, T0 + 1 h) are remembered until T0 + 1 h + TTL */
    private static final long BUCKET = TTL.toMillis() / DedupeByEventId.BUCKETS_PER_TTL;
    private static final long BUCKET_EXPIRES = T0 + BUCKET + TTL.toMillis();
    private KeyedOneInputStreamOperatorTestHarness<Integer, CleanEvent, CleanEvent> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new DedupeByEventId(TTL),
                DedupeByEventId.byShard(), Types.INT);
        harness.setProcessingTime(T0);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private static CleanEvent clean(String id) {
        return new CleanEvent(id, "u1", T0, new byte[0]);
    }

    @Test
    void dropsRepeatedEventIdWithinTtl() throws Exception {
        harness.processElement(clean("a"), T0);
        harness.processElement(clean("b"), T0);
        harness.setProcessingTime(T0 + 23 * ONE_HOUR);
        harness.processElement(clean("a"), T0);

        assertThat(harness.extractOutputValues()).extracting(CleanEvent::eventId).containsExactly("a", "b");
    }

    @Test
    void remembersEventIdSeenAtTheEndOfItsBucketForTheWholeTtl() throws Exception {
        long lastMomentOfBucket = T0 + BUCKET - 1;
        harness.setProcessingTime(lastMomentOfBucket);
        harness.processElement(clean("a"), T0);
        harness.setProcessingTime(lastMomentOfBucket + TTL.toMillis());
        harness.processElement(clean("a"), T0);

        assertThat(harness.extractOutputValues()).hasSize(1);
    }

    @Test
    void forgetsEventIdWhenTtlOfItsBucketEndsAndCleansItsState() throws Exception {
        harness.processElement(clean("a"), T0);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        harness.setProcessingTime(BUCKET_EXPIRES - 1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        harness.setProcessingTime(BUCKET_EXPIRES);

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        harness.processElement(clean("a"), T0);
        assertThat(harness.extractOutputValues()).hasSize(2);
    }

    @Test
    void forgetsTheIdsOfAnExpiredBucketOnlyAndKeepsTheNewerOnes() throws Exception {
        harness.processElement(clean("old"), T0);
        harness.setProcessingTime(T0 + 3 * BUCKET);
        harness.processElement(clean("new"), T0);
        harness.processElement(clean("old"), T0); // still remembered from the first bucket
        harness.setProcessingTime(BUCKET_EXPIRES);
        harness.processElement(clean("old"), T0);
        harness.processElement(clean("new"), T0);

        assertThat(harness.extractOutputValues()).extracting(CleanEvent::eventId).containsExactly("old", "new", "old");
    }

    @Test
    void aCheckpointHoldsTheIdsSeenBeforeItAndARestoredJobDropsTheirCopies() throws Exception {
        harness.processElement(clean("before"), T0);
        var snapshot = harness.snapshot(1, T0);
        harness.processElement(clean("after"), T0);
        harness.close();

        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new DedupeByEventId(TTL)),
                DedupeByEventId.byShard(), Types.INT);
        harness.setProcessingTime(T0);
        harness.initializeState(snapshot);
        harness.open();
        harness.processElement(clean("before"), T0);
        harness.processElement(clean("after"), T0);

        assertThat(harness.extractOutputValues()).extracting(CleanEvent::eventId).containsExactly("after");
    }

    @Test
    void keepsOneSetAndOneTimerPerShardAndBucketNotPerId() throws Exception {
        int ids = 20 * DedupeByEventId.SHARDS;
        for (int i = 0; i < ids; i++) {
            harness.processElement(clean("id-" + i), T0);
        }
        harness.setProcessingTime(T0 + BUCKET);
        for (int i = 0; i < ids; i++) {
            harness.processElement(clean("id-" + i), T0); // all copies: dropped, nothing new in the second bucket
        }

        assertThat(harness.extractOutputValues()).hasSize(ids);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(DedupeByEventId.SHARDS);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(DedupeByEventId.SHARDS);
        harness.setProcessingTime(BUCKET_EXPIRES);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }
}
