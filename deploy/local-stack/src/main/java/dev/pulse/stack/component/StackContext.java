package dev.pulse.stack.component;

import dev.pulse.stack.config.StackConfig;
import dev.pulse.stack.config.StackLayout;

/**
 * What every component needs to lay out its files and build its command line.
 *
 * @param java the java executable the components run on (the launcher's own)
 */
public record StackContext(StackLayout layout, StackConfig config, String java) {

    public static StackContext of(StackLayout layout, StackConfig config) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new StackContext(layout, config, java);
    }

    public StackConfig.Ports ports() {
        return config.ports();
    }

    public StackConfig.Memory memory() {
        return config.memory();
    }
}
