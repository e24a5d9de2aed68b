package dev.blogdesk.sync;

import dev.blogdesk.store.PostImages;

import java.util.HashSet;
import java.util.Set;

/**
 * Images cross in both directions. They are named by their content and never change once written,
 * so there is nothing to compare and nothing to conflict: each side gets the files it lacks. A round
 * cut off half-way is simply run again (an image is only listed once it is whole on that side).
 */
final class ImageSync {

    private final PostImages local;
    private final PostImages remote;

    ImageSync(PostImages local, PostImages remote) {
        this.local = local;
        this.remote = remote;
    }

    /** The number of images copied, both ways. */
    int round() {
        // Only BlogDesk's content-named images: files the blog stored under names of its own stay where they are.
        Set<String> here = new HashSet<>(local.filenames().stream().filter(PostImages::isContentName).toList());
        Set<String> there = new HashSet<>(remote.filenames().stream().filter(PostImages::isContentName).toList());
        int copied = 0;
        for (String name : here) {
            if (!there.contains(name)) {
                copy(local, remote, name);
                copied++;
            }
        }
        for (String name : there) {
            if (!here.contains(name)) {
                copy(remote, local, name);
                copied++;
            }
        }
        return copied;
    }

    private static void copy(PostImages from, PostImages to, String name) {
        from.read(name).ifPresent(bytes -> to.put(bytes, PostImages.contentTypeOf(name)));
    }
}
