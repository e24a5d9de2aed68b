package dev.blogdesk.store;

import java.nio.file.Path;

/**
 * Child process of {@link EmbeddedStoreDurabilityTest}: opens the embedded store, then either
 * saves posts forever printing "ACK id" after each acknowledged save, or just holds the store.
 */
public final class StoreWriterChild {

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        String mode = args[1];
        try (dev.blogdesk.app.PostStore connection = dev.blogdesk.app.PostStore.openEmbedded(dataDir, false)) {
            System.out.println("READY " + connection.connection().embedded().orElseThrow().port());
            System.out.flush();
            if (mode.equals("write")) {
                PostRepository posts = connection.posts();
                for (int i = 0; ; i++) {
                    Post p = posts.create("Post " + i, "Content " + i + " ✓");
                    if (i % 2 == 0) {
                        posts.update(p.withText("Post " + i, "Edited " + i + " ✓"));
                    }
                    System.out.println("ACK " + p.id() + " " + i);
                    System.out.flush();
                }
            }
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
