package dev.blogdesk.store;

import java.nio.file.Path;

/**
 * Child process of {@link EmbeddedStoreDurabilityTest}: opens the embedded store, then either
 * saves posts forever printing "ACK id" after each acknowledged save, or moves posts between drafts and
 * published forever printing "MOVED id status" after each acknowledged move, or just holds the store.
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
            if (mode.equals("publish")) {
                PostRepository posts = connection.posts();
                java.util.List<Post> all = new java.util.ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    all.add(posts.create("Moving " + i, "Text " + i));
                }
                System.out.println("CREATED");
                System.out.flush();
                // Acknowledgements go to a file with one unbuffered write each: after a kill -9 it holds
                // every move acknowledged before it, which a pipe's unread buffer would not tell.
                try (java.io.FileOutputStream acks = new java.io.FileOutputStream(args[2], true)) {
                    for (int round = 0; ; round++) {
                        int i = round % all.size();
                        Post p = all.get(i);
                        Post moved = p.isDraft() ? posts.publish(p) : posts.unpublish(p);
                        all.set(i, moved);
                        acks.write(("MOVED " + moved.id() + " " + moved.status().value() + "\n")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
