package dev.pulse.router.druid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A SQL text with {@code ?} placeholders and the values bound to them, in order. */
public record SqlQuery(String sql, List<Object> parameters) {

    public SqlQuery {
        // values may be null in principle; List.copyOf would refuse them
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }
}
