package dev.pulse.stack.health;

/** The answer of one health probe; {@code detail} says why when it is not healthy. */
public record Health(boolean healthy, String detail) {

    public static Health up() {
        return new Health(true, "");
    }

    public static Health down(String detail) {
        return new Health(false, detail);
    }
}
