package dev.blogdesk.ui.editor;

import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostDetails;
import dev.blogdesk.store.PostRepository;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;

import java.time.Instant;

/**
 * The post details the editor saves with the text (tags, slug, excerpt, author, date), kept by the
 * details panel's view model. The editor only asks, so it knows nothing of the panel.
 */
public interface DetailsSource {

    /** The details as the user left them. */
    PostDetails current();

    /** The post's date as the user set it, or null to keep the stored one (now, for a new post). */
    Instant date();

    ObservableBooleanValue dirtyProperty();

    /** The editor now holds {@code post} (null: a new post, or none). */
    void show(Post post);

    /** {@code saved} is what the store holds now. */
    void saved(Post saved);

    /** Off the FX thread, right before a save: {@code post} with a slug no other post has. */
    default Post withUniqueSlug(Post post, PostRepository posts) {
        return post;
    }

    /** No details panel: the stored details are kept as they are. */
    static DetailsSource keepingStored() {
        return new DetailsSource() {
        private Post shown;

        @Override
        public PostDetails current() {
            return shown == null ? PostDetails.NONE : shown.details();
        }

        @Override
        public Instant date() {
            return null;
        }

        @Override
        public ObservableBooleanValue dirtyProperty() {
            return Bindings.createBooleanBinding(() -> false);
        }

        @Override
        public void show(Post post) {
            shown = post;
        }

        @Override
        public void saved(Post saved) {
            shown = saved;
        }
        };
    }
}
