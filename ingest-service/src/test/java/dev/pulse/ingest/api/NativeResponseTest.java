package dev.pulse.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answer without rejections is written by hand: it must be the bytes the mapper writes for it. */
class NativeResponseTest {

    @Test
    void writesTheAllAcceptedAnswerAsTheMapperDoes() throws Exception {
        for (int accepted : new int[] {0, 1, 99, 100, 2_500, Integer.MAX_VALUE}) {
            NativeResponse response = new NativeResponse(accepted, List.of());

            assertThat(new String(response.allAccepted()))
                    .isEqualTo(JsonMapper.builder().build().writeValueAsString(response));
        }
    }
}
