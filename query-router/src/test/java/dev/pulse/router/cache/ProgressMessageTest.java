package dev.pulse.router.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressMessageTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            rollup_1m | {"datasource":"rollup_1m","window":"1m","complete_until":1795860000000,"watermark":1795860012000} | rollup_1m | 2026-11-28T10:00:00Z
            -         | {"data_source":"rollup_5m","completeUntil":"2026-11-28T10:00:00Z"}                                    | rollup_5m | 2026-11-28T10:00:00Z
            rollup_5m | {"watermark":1795860000000}                                                                          | rollup_5m | 2026-11-28T10:00:00Z
            """)
    void readsTheSpellingsAProducerMayUse(String key, String value, String datasource, String until) {
        assertThat(ProgressMessage.parse(key, value))
                .contains(new ProgressMessage(datasource, Instant.parse(until)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -         | not json
            -         | {"complete_until":1795860000000}
            rollup_1m | {"datasource":"rollup_1m"}
            rollup_1m | {"datasource":"rollup_1m","complete_until":"soon"}
            rollup_1m | [1,2]
            rollup_1m | -
            """)
    void ignoresWhatItCannotRead(String key, String value) {
        assertThat(ProgressMessage.parse(key, value)).isEqualTo(Optional.empty());
    }
}
