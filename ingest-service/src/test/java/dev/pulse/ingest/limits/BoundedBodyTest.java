package dev.pulse.ingest.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.ingest.intake.Refusal;
import dev.pulse.ingest.intake.RequestRefusedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    private static final int LIMIT = 1000;

    @Test
    void readsABodyUpToTheLimit() {
        byte[] body = new byte[LIMIT];

        assertThat(BoundedBody.read(new ByteArrayInputStream(body), LIMIT, null, LIMIT)).hasSize(LIMIT);
    }

    @Test
    void readsADeclaredLengthExactlyAndWhateverDiffersFromIt() {
        byte[] body = "[{\"a\":1}]".getBytes();

        assertThat(BoundedBody.read(new ByteArrayInputStream(body), body.length, null, LIMIT)).isEqualTo(body);
        assertThat(BoundedBody.read(new ByteArrayInputStream(body), body.length + 5, null, LIMIT)).isEqualTo(body);
        assertThat(BoundedBody.read(new ByteArrayInputStream(body), 3, null, LIMIT)).isEqualTo(body);
        assertRefused(() -> BoundedBody.read(new ByteArrayInputStream(new byte[LIMIT + 1]), 3, null, LIMIT),
                Refusal.PAYLOAD_TOO_LARGE);
    }

    @Test
    void refusesADeclaredLengthAboveTheLimitWithoutReading() {
        assertRefused(() -> BoundedBody.read(new ByteArrayInputStream(new byte[0]), LIMIT + 1, null, LIMIT),
                Refusal.PAYLOAD_TOO_LARGE);
    }

    @Test
    void refusesAChunkedBodyOnceItCrossesTheLimit() {
        assertRefused(() -> BoundedBody.read(new ByteArrayInputStream(new byte[LIMIT + 1]), -1, "identity", LIMIT),
                Refusal.PAYLOAD_TOO_LARGE);
    }

    @Test
    void inflatesGzip() throws IOException {
        byte[] json = "[{\"event_id\":\"e\"}]".getBytes();

        assertThat(BoundedBody.read(new ByteArrayInputStream(gzip(json)), -1, "GZIP", LIMIT)).isEqualTo(json);
    }

    @Test
    void refusesAGzipBodyThatInflatesBeyondTheLimit() throws IOException {
        byte[] bomb = gzip(new byte[LIMIT * 100]);
        assertThat(bomb.length).isLessThan(LIMIT);

        assertRefused(() -> BoundedBody.read(new ByteArrayInputStream(bomb), bomb.length, "gzip", LIMIT),
                Refusal.PAYLOAD_TOO_LARGE);
    }

    @Test
    void refusesABodyThatIsNotGzipAlthoughItSaysSo() {
        assertRefused(() -> BoundedBody.read(new ByteArrayInputStream("[{}]".getBytes()), 4, "gzip", LIMIT),
                Refusal.INVALID_GZIP);
    }

    @Test
    void refusesOtherEncodings() {
        assertRefused(() -> BoundedBody.read(new ByteArrayInputStream(new byte[1]), 1, "br", LIMIT),
                Refusal.UNSUPPORTED_ENCODING);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Refusal refusal) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RequestRefusedException.class,
                e -> assertThat(e.refusal()).isEqualTo(refusal));
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }
}
