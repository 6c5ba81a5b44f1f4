package dev.pulse.model.event;

/**
 * JSON's number grammar over bytes, {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}, for the readers that do
 * without a JSON parser ({@link CanonicalScanner}; the ingest service's direct path). {@link Double#parseDouble}
 * alone would also take forms JSON refuses, such as {@code 01} or {@code 1.}.
 */
public final class JsonNumber {

    private JsonNumber() {
    }

    /** The offset just after the number that starts at {@code from}, or -1 when no JSON number starts there. */
    public static int end(byte[] json, int from) {
        int at = from;
        if (at < json.length && json[at] == '-') {
            at++;
        }
        if (at < json.length && json[at] == '0') {
            at++;
            if (at < json.length && isDigit(json[at])) {
                return -1;
            }
        } else {
            int digits = digitsFrom(json, at);
            if (digits == at) {
                return -1;
            }
            at = digits;
        }
        if (at < json.length && json[at] == '.') {
            int digits = digitsFrom(json, at + 1);
            if (digits == at + 1) {
                return -1;
            }
            at = digits;
        }
        if (at < json.length && (json[at] == 'e' || json[at] == 'E')) {
            at++;
            if (at < json.length && (json[at] == '+' || json[at] == '-')) {
                at++;
            }
            int digits = digitsFrom(json, at);
            if (digits == at) {
                return -1;
            }
            at = digits;
        }
        return at;
    }

    /** The offset of the first byte at or after {@code from} that is not a digit. */
    private static int digitsFrom(byte[] json, int from) {
        int at = from;
        while (at < json.length && isDigit(json[at])) {
            at++;
        }
        return at;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
