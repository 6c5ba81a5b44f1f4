package dev.pulse.stack.run;

/** Where one component is in {@code ./pulse up}. */
enum State {
    WAITING("waiting"),
    STARTING("starting"),
    HEALTHY("healthy"),
    ALREADY_RUNNING("already running"),
    FAILED("FAILED");

    private final String label;

    State(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean healthy() {
        return this == HEALTHY || this == ALREADY_RUNNING;
    }
}
