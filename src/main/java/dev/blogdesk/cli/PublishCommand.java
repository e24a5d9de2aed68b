package dev.blogdesk.cli;

import dev.blogdesk.app.AppContext;
import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostRepository;
import dev.blogdesk.store.PostStatus;
import dev.blogdesk.store.StoreException;
import dev.blogdesk.store.VersionConflictException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code publish ID} and {@code unpublish ID}: the toolbar's Publish and Unpublish, headless. */
abstract class PublishCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The post's id, as 'search' and 'export' print it.")
    String id;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    StoreOptions store;

    abstract PostStatus target();

    @Override
    public Integer call() {
        try (AppContext context = StoreOptions.open(store)) {
            PostRepository posts = context.store().posts();
            Post post = posts.findById(id).orElseThrow(() -> new StoreException(
                    "No post has the id " + id + "; 'blogdesk search' prints the ids."));
            if (post.status() == target()) {
                System.err.println("'" + post.title() + "' is already " + target().value() + ".");
                return 0;
            }
            try {
                Post moved = target() == PostStatus.PUBLISHED ? posts.publish(post) : posts.unpublish(post);
                System.err.println((target() == PostStatus.PUBLISHED ? "Published '" : "Unpublished '")
                        + moved.title() + "' (" + moved.id() + ").");
            } catch (VersionConflictException e) {
                throw new StoreException("The post " + id + " changed while it was being moved; run the command again.", e);
            }
        }
        return 0;
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Moves a draft into blogdb.posts, where the Flask blog lists it.")
    static final class Publish extends PublishCommand {
        @Override
        PostStatus target() {
            return PostStatus.PUBLISHED;
        }
    }

    @Command(name = "unpublish", mixinStandardHelpOptions = true,
            description = "Moves a published post back to blogdb.drafts, out of the Flask blog's sight.")
    static final class Unpublish extends PublishCommand {
        @Override
        PostStatus target() {
            return PostStatus.DRAFT;
        }
    }
}
