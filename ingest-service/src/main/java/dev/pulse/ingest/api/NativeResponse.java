package dev.pulse.ingest.api;

import dev.pulse.ingest.intake.IntakeResult;
import java.util.List;

/** {@code {"accepted":N,"rejected":[{"index":i,"code":"...","message":"..."}]}} */
record NativeResponse(int accepted, List<RejectedEvent> rejected) {

    record RejectedEvent(int index, String code, String message) {
    }

    static NativeResponse of(IntakeResult result) {
        return new NativeResponse(result.accepted(), result.rejections().stream()
                .map(r -> new RejectedEvent(r.index(), r.reason().code(), r.message())).toList());
    }
}
