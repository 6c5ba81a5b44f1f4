package dev.pulse.model.catalog;

public enum WindowType {
    TUMBLING,
    SLIDING
}
