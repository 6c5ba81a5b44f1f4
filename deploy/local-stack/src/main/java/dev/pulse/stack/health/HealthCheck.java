package dev.pulse.stack.health;

/** Asks a running component whether it serves; must answer within a few seconds and never throw. */
@FunctionalInterface
public interface HealthCheck {

    Health check();
}
