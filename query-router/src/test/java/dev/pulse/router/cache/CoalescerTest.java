package dev.pulse.router.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    @Test
    void concurrentCallersOfOneKeyShareOneComputation() throws Exception {
        Coalescer coalescer = new Coalescer();
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Coalescer.Outcome<String>>> results = new ArrayList<>();
            results.add(pool.submit(() -> coalescer.run("k", () -> {
                computations.incrementAndGet();
                started.countDown();
                await(release);
                return "answer";
            })));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 7; i++) {
                results.add(pool.submit(() -> coalescer.run("k", () -> {
                    computations.incrementAndGet();
                    return "second computation";
                })));
            }
            Thread.sleep(200); // let the followers reach the in-flight entry
            release.countDown();
            int joined = 0;
            for (Future<Coalescer.Outcome<String>> result : results) {
                Coalescer.Outcome<String> outcome = result.get(5, TimeUnit.SECONDS);
                assertThat(outcome.value()).isEqualTo("answer");
                joined += outcome.joined() ? 1 : 0;
            }
            assertThat(computations).hasValue(1);
            assertThat(joined).isEqualTo(7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailureReachesEveryWaiterAndIsNotRemembered() {
        Coalescer coalescer = new Coalescer();
        assertThatThrownBy(() -> coalescer.run("k", () -> {
            throw new IllegalStateException("druid down");
        })).hasMessage("druid down");
        assertThat(coalescer.run("k", () -> "recovered").value()).isEqualTo("recovered");
    }

    @Test
    void differentKeysDoNotWaitForEachOther() {
        Coalescer coalescer = new Coalescer();
        String outer = coalescer.run("a", () -> coalescer.run("b", () -> "inner").value() + "+outer").value();
        assertThat(outer).isEqualTo("inner+outer");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
