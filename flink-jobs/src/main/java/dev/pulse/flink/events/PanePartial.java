package dev.pulse.flink.events;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What the rollup's reading chain gathered for one key and one combining pane since its last flush: the events'
 * count, revenue and user ids. The window operator adds it to every pane that contains it, as it would add each
 * event, so one record and one state access stand for many events.
 *
 * @param key        family and dimension values, the key rows are aggregated by
 * @param family     index of the family in the {@code RollupPlan}
 * @param dimensions values of the plan's rollup dimensions ({@code null} where the family does not keep one)
 * @param paneStart  start of the combining pane, which lies within one pane of every size the windows use
 * @param events     how many events this stands for (at least one)
 * @param revenue    their revenue
 * @param users      their user ids, one per event, repeats included (the sketch ignores repeats)
 */
@TypeInfo(RecordTypeInfo.OfPanePartial.class)
public record PanePartial(String key, int family, String[] dimensions, long paneStart, long events, double revenue,
                          String[] users) {
}
