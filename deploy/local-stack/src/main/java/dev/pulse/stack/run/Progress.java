package dev.pulse.stack.run;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live table of {@code ./pulse up}: redrawn in place on a terminal; on a pipe or in CI, one line per change
 * of state plus a reminder of what is still pending every 15 seconds.
 */
final class Progress {

    record Row(String component, State state, long seconds, String detail) {
    }

    private static final long REMINDER_NANOS = 15_000_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private final Map<String, State> shown = new HashMap<>();
    private int linesDrawn;
    private long lastReminder = System.nanoTime();

    Progress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    static boolean terminal() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !"dumb".equals(term) && System.getenv("CI") == null;
    }

    void show(List<Row> rows) {
        if (interactive) {
            redraw(rows);
        } else {
            printChanges(rows);
        }
    }

    private void redraw(List<Row> rows) {
        StringBuilder frame = new StringBuilder();
        if (linesDrawn > 0) {
            frame.append("\033[").append(linesDrawn).append('A');
        }
        for (Row row : rows) {
            frame.append("\033[2K").append(format(row)).append('\n');
        }
        out.print(frame);
        out.flush();
        linesDrawn = rows.size();
    }

    private void printChanges(List<Row> rows) {
        for (Row row : rows) {
            if (shown.put(row.component(), row.state()) != row.state()) {
                out.println(format(row));
            }
        }
        if (System.nanoTime() - lastReminder > REMINDER_NANOS) {
            lastReminder = System.nanoTime();
            rows.stream().filter(r -> r.state() == State.STARTING || r.state() == State.WAITING)
                    .forEach(r -> out.println(format(r)));
        }
        out.flush();
    }

    private static String format(Row row) {
        String time = row.state() == State.WAITING || row.state() == State.ALREADY_RUNNING ? "" : row.seconds() + " s";
        String detail = row.detail() == null || row.detail().isEmpty() ? "" : "  " + row.detail();
        return String.format("  %-20s %-16s %6s%s", row.component(), row.state().label(), time, detail);
    }
}
