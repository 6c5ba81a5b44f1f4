package dev.pulse.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "7", "19.99", "-2.5E-3", "1e3", "1E+2", "0.10", "12345678901234567890", "-0.0e0"})
    void endsAfterAJsonNumber(String number) {
        byte[] json = (number + ",\"next\"").getBytes(StandardCharsets.US_ASCII);

        assertThat(JsonNumber.end(json, 0)).isEqualTo(number.length());
        assertThat(JsonNumber.end((" " + number).getBytes(StandardCharsets.US_ASCII), 1)).isEqualTo(number.length() + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "-", "1.", ".5", "1e", "1e+", "+1", "-.5", "--1", "x", ""})
    void refusesWhatJsonRefuses(String text) {
        assertThat(JsonNumber.end(text.getBytes(StandardCharsets.US_ASCII), 0)).isEqualTo(-1);
    }
}
