package dev.pulse.flink.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What the rollup's reading chain gathered for one key and one combining pane since its last flush: the events'
 * count, revenue and user ids. The window operator adds it to every pane that contains it, as it would add each
 * event, so one record and one state access stand for many events.
 *
 * <p>The user ids travel as one block of UTF-8 bytes with the end of each id, not as strings: the window operator
 * only hashes their characters into a sketch, and a string per id, encoded and decoded again on either side of the
 * shuffle, was a tenth of the reading thread (JFR).
 *
 * @param key        family and dimension values, the key rows are aggregated by
 * @param family     index of the family in the {@code RollupPlan}
 * @param dimensions values of the plan's rollup dimensions ({@code null} where the family does not keep one)
 * @param paneStart  start of the combining pane, which lies within one pane of every size the windows use
 * @param events     how many events this stands for (at least one)
 * @param revenue    their revenue
 * @param userBytes  their user ids, one per event (repeats included: the sketch ignores them), as UTF-8, end to end
 * @param userEnds   where each id ends in {@code userBytes}
 */
@TypeInfo(RecordTypeInfo.OfPanePartial.class)
public record PanePartial(String key, int family, String[] dimensions, long paneStart, long events, double revenue,
                          byte[] userBytes, int[] userEnds) {

    /** A partial of the given user ids, one per event. */
    public static PanePartial of(String key, int family, String[] dimensions, long paneStart, double revenue,
                                 String... userIds) {
        UserIds users = new UserIds();
        for (String userId : userIds) {
            users.add(userId);
        }
        return new PanePartial(key, family, dimensions, paneStart, userIds.length, revenue, users.bytes(),
                users.ends());
    }

    /** The user ids as strings (for tests and logs; the window operator reads the bytes). */
    public List<String> userIds() {
        List<String> ids = new ArrayList<>(userEnds.length);
        int start = 0;
        for (int end : userEnds) {
            ids.add(new String(userBytes, start, end - start, StandardCharsets.UTF_8));
            start = end;
        }
        return ids;
    }

    /** A growing block of user ids in the form {@link PanePartial} carries them. */
    public static final class UserIds {
        private byte[] bytes = new byte[64];
        private int[] ends = new int[4];
        private int count;
        private int length;

        public void add(String userId) {
            int n = userId.length();
            ensure(n);
            boolean ascii = true;
            for (int i = 0; i < n; i++) {
                char c = userId.charAt(i);
                if (c >= 0x80) {
                    ascii = false;
                    break;
                }
                bytes[length + i] = (byte) c;
            }
            if (ascii) {
                length += n;
            } else {
                byte[] utf8 = userId.getBytes(StandardCharsets.UTF_8);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, bytes, length, utf8.length);
                length += utf8.length;
            }
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
            }
            ends[count++] = length;
        }

        public byte[] bytes() {
            return Arrays.copyOf(bytes, length);
        }

        public int[] ends() {
            return Arrays.copyOf(ends, count);
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
