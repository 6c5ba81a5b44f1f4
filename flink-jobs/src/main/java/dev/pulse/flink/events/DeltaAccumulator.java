package dev.pulse.flink.events;

import dev.pulse.model.catalog.Measure;
import java.nio.charset.StandardCharsets;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.memory.WritableMemory;

/**
 * The pending delta of one pane of one key: a Flink POJO (public fields) so the state serializer is not Kryo.
 * {@code users} is the memory image of an updatable HLL sketch of type {@link Measure#HLL_TYPE}, updated in place:
 * no sketch object per event, and the heap state backend's copy-on-write copies the array when a snapshot needs it.
 */
public class DeltaAccumulator {

    private static final TgtHllType TYPE = TgtHllType.valueOf(Measure.HLL_TYPE);

    /** the key's family and dimension values, to write the row without parsing the key */
    public int family;
    public String[] dimensions;
    public long events;
    public double revenue;
    public byte[] users;
    /**
     * The sketch over {@link #users}, made at the first update: wrapping the array again for every event (and checking
     * its preamble) was a twentieth of the rollup window thread. Transient, so it is neither state nor copied: a copy
     * the state backend makes has its own array and wraps that.
     */
    private transient HllSketch sketch;

    public DeltaAccumulator() {
    }

    public static DeltaAccumulator empty(int lgK, int family, String[] dimensions) {
        DeltaAccumulator acc = new DeltaAccumulator();
        acc.family = family;
        acc.dimensions = dimensions;
        acc.users = new byte[HllSketch.getMaxUpdatableSerializationBytes(lgK, TYPE)];
        new HllSketch(lgK, TYPE, WritableMemory.writableWrap(acc.users));
        return acc;
    }

    public void add(double eventRevenue, String userId) {
        events++;
        revenue += eventRevenue;
        addUser(userId);
    }

    /** Adds the events a {@link PanePartial} stands for. */
    public void add(PanePartial partial) {
        events += partial.events();
        revenue += partial.revenue();
        byte[] bytes = partial.userBytes();
        int start = 0;
        for (int end : partial.userEnds()) {
            addUser(utf16(bytes, start, end));
            start = end;
        }
    }

    /** The characters of a UTF-8 user id, exactly as {@code String.toCharArray} gives them. */
    private static char[] utf16(byte[] utf8, int from, int to) {
        char[] chars = new char[to - from];
        for (int i = from; i < to; i++) {
            if (utf8[i] < 0) { // beyond ASCII: decode properly
                return new String(utf8, from, to - from, StandardCharsets.UTF_8).toCharArray();
            }
            chars[i - from] = (char) utf8[i];
        }
        return chars;
    }

    private void addUser(String userId) {
        addUser(userId.toCharArray());
    }

    private void addUser(char[] userId) {
        // hashed as UTF-16 chars. Sketches built here merge with each other (all rollup rows); a sketch Druid builds
        // itself from events_raw hashes differently (measured: 1991 vs 1996 for 2000 users), so do not union the two
        if (sketch == null) {
            sketch = HllSketch.writableWrap(WritableMemory.writableWrap(users));
        }
        sketch.update(userId);
    }

    /** The compact sketch, as Druid's {@code HLLSketchMerge} reads it. */
    public byte[] compactUsers() {
        return HllSketch.wrap(org.apache.datasketches.memory.Memory.wrap(users)).toCompactByteArray();
    }
}
