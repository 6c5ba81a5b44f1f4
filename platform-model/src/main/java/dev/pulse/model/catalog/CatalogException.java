package dev.pulse.model.catalog;

import java.util.List;

/** A catalog that cannot be used. Lists every problem found, each with where it is. */
public class CatalogException extends RuntimeException {

    private final List<String> problems;

    public CatalogException(String source, List<String> problems) {
        super("invalid metric catalog " + source + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
