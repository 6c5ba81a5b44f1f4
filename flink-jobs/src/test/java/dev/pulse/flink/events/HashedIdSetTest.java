package dev.pulse.flink.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashedIdSetTest {

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 16L, 32L})
    void containsWhatWasAddedAndAddsItOnce(long hash) {
        HashedIdSet set = HashedIdSet.empty();
        assertThat(set.contains(hash)).isFalse();

        assertThat(set.add(hash)).isTrue();
        assertThat(set.add(hash)).isFalse();

        assertThat(set.contains(hash)).isTrue();
    }

    @Test
    void growsAndAgreesWithAHashSet() {
        HashedIdSet set = HashedIdSet.empty();
        Set<Long> truth = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            // small values too: they share low bits, so they collide in the table and probe
            long hash = i % 2 == 0 ? random.nextLong() : random.nextInt(50_000);
            assertThat(set.add(hash)).isEqualTo(truth.add(hash));
        }
        for (int i = 0; i < 200_000; i++) {
            long probe = i % 2 == 0 ? random.nextLong() : random.nextInt(100_000);
            assertThat(set.contains(probe)).isEqualTo(truth.contains(probe));
        }
        assertThat(set.size + (set.containsZero ? 1 : 0)).isEqualTo(truth.size());
        assertThat(3L * set.size).isLessThanOrEqualTo(2L * set.slots.length);
    }
}
