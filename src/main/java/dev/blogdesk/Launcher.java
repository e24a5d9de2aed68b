package dev.blogdesk;

import dev.blogdesk.cli.BlogDeskCommand;

/**
 * The entry point of the jar and of {@code mvn javafx:run}. It does not extend
 * {@code javafx.application.Application}: a fat jar whose main class does is refused by the JVM
 * ("JavaFX runtime components are missing") when JavaFX is on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(BlogDeskCommand.run(args));
    }
}
