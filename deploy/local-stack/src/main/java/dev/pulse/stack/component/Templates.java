package dev.pulse.stack.component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Configuration templates shipped in this jar under {@code templates/}, with {@code {{name}}} placeholders. */
final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9_.]+)}}");

    private Templates() {
    }

    /** Renders a template to a file; a placeholder without a value is a bug in the launcher, so it fails loudly. */
    static void render(String template, Map<String, ?> values, Path target) throws IOException {
        String text;
        try (InputStream in = Templates.class.getResourceAsStream("/templates/" + template)) {
            if (in == null) {
                throw new IllegalStateException("template missing from the launcher: " + template);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, substitute(text, values, template));
    }

    static String substitute(String text, Map<String, ?> values, String templateName) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {{" + m.group(1) + "}} in " + templateName);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    static void writeLog4j(Path target) {
        try {
            render("log4j2.xml", Map.of(), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
