package dev.blogdesk.ui.details;

import dev.blogdesk.app.TaskExecutor;
import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostDetails;
import dev.blogdesk.store.PostRepository;
import dev.blogdesk.store.Slugs;
import dev.blogdesk.ui.editor.DetailsSource;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The post details panel: tags (with completion from the tags in use), slug (generated from the title
 * until the user edits it, made unique at save), excerpt, author (a new post gets the default author
 * from Settings) and the post's date. The editor saves them with the text ({@link DetailsSource}).
 */
public final class PostDetailsViewModel implements DetailsSource {

    private final PostRepository repository;
    private final TaskExecutor executor;
    private final Supplier<String> defaultAuthor;
    private final ZoneId zone;
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObservableList<String> tagsInUse = FXCollections.observableArrayList();
    private final StringProperty slug = new SimpleStringProperty("");
    private final StringProperty excerpt = new SimpleStringProperty("");
    private final StringProperty author = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ObjectProperty<PostDetails> baseline = new SimpleObjectProperty<>(PostDetails.NONE);
    private final ObjectProperty<LocalDate> baselineDate = new SimpleObjectProperty<>();
    private final BooleanBinding dirty;
    private Instant storedDate;
    /** The slug follows the title until the user types one (or the post already has one). */
    private boolean slugFollowsTitle = true;
    private boolean settingSlug;
    private Consumer<String> onTagClicked = tag -> { };

    public PostDetailsViewModel(PostRepository repository, TaskExecutor executor, Supplier<String> defaultAuthor,
                                ObservableStringValue title, ZoneId zone) {
        this.repository = repository;
        this.executor = executor;
        this.defaultAuthor = defaultAuthor;
        this.zone = zone;
        dirty = Bindings.createBooleanBinding(() -> !current().equals(baseline.get())
                        || !Objects.equals(date.get(), baselineDate.get()),
                tags, slug, excerpt, author, date, baseline, baselineDate);
        title.addListener((o, was, now) -> {
            if (slugFollowsTitle) {
                setSlugQuietly(now == null || now.isBlank() ? "" : Slugs.fromTitle(now));
            }
        });
        slug.addListener((o, was, now) -> {
            if (!settingSlug) {
                slugFollowsTitle = false; // typed by the user: it stays as typed
            }
        });
    }

    private void setSlugQuietly(String value) {
        settingSlug = true;
        try {
            slug.set(value);
        } finally {
            settingSlug = false;
        }
    }

    // ---- DetailsSource, for the editor

    @Override
    public PostDetails current() {
        // A stored slug is kept as it is (an imported one may not be folded); a typed one is folded.
        String typed = slug.get() == null ? "" : slug.get().strip();
        String kept = typed.equals(baseline.get().slug()) ? typed : Slugs.clean(typed);
        return new PostDetails(new ArrayList<>(tags), kept, excerpt.get(), author.get());
    }

    @Override
    public Instant date() {
        LocalDate day = date.get();
        if (day == null || Objects.equals(day, baselineDate.get())) {
            return null; // unchanged: the stored date, to the millisecond
        }
        // A new day keeps the stored time of day (noon for a post that had no date).
        LocalTime time = storedDate == null ? LocalTime.NOON : storedDate.atZone(zone).toLocalTime();
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    @Override
    public ObservableBooleanValue dirtyProperty() {
        return dirty;
    }

    @Override
    public void show(Post post) {
        note.set("");
        if (post == null) {
            storedDate = null;
            // A new post's default author is part of its baseline: not an edit of the user's.
            setBaseline(new PostDetails(List.of(), "", "", defaultAuthor.get()), null);
            slugFollowsTitle = true;
        } else {
            storedDate = post.datePosted();
            setBaseline(post.details(), post.datePosted() == null ? null : post.datePosted().atZone(zone).toLocalDate());
            // Opening a post never edits it: one without a slug gets one from its title when saved.
            slugFollowsTitle = false;
        }
        refreshTagsInUse();
    }

    private void setBaseline(PostDetails details, LocalDate day) {
        tags.setAll(details.tags());
        setSlugQuietly(details.slug());
        excerpt.set(details.excerpt());
        author.set(details.author());
        date.set(day);
        baseline.set(details);
        baselineDate.set(day);
    }

    @Override
    public void saved(Post saved) {
        String typed = Slugs.clean(slug.get());
        storedDate = saved.datePosted();
        setBaseline(saved.details(), saved.datePosted() == null ? null : saved.datePosted().atZone(zone).toLocalDate());
        slugFollowsTitle = false;
        if (!typed.isEmpty() && !typed.equals(saved.details().slug())) {
            note.set("Another post has the slug “" + typed + "”, so this one is “" + saved.details().slug() + "”.");
        }
        saved.details().tags().forEach(this::rememberTag);
    }

    @Override
    public Post withUniqueSlug(Post post, PostRepository posts) {
        String wanted = post.details().slug().isEmpty() ? Slugs.fromTitle(post.title()) : post.details().slug();
        String unique = Slugs.unique(wanted, post.id(), posts);
        return unique.equals(post.details().slug()) ? post : post.withDetails(post.details().withSlug(unique), post.datePosted());
    }

    // ---- the panel

    /** Adds a tag as typed (trimmed; a tag already there, in any case, is not added twice). */
    public void addTag(String typed) {
        String tag = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
        if (!tag.isEmpty() && tags.stream().noneMatch(t -> t.equalsIgnoreCase(tag))) {
            // The spelling already in use wins, so "java" and "Java" stay one tag.
            tags.add(tagsInUse.stream().filter(t -> t.equalsIgnoreCase(tag)).findFirst().orElse(tag));
        }
    }

    public void removeTag(String tag) {
        tags.remove(tag);
    }

    /** Tags in use that start with {@code typed} (ignoring case) and the post does not have yet. */
    public List<String> completions(String typed) {
        String prefix = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (prefix.isEmpty()) {
            return List.of();
        }
        return tagsInUse.stream()
                .filter(t -> t.toLowerCase(Locale.ROOT).startsWith(prefix))
                .filter(t -> tags.stream().noneMatch(have -> have.equalsIgnoreCase(t)))
                .limit(10).toList();
    }

    /** Clicking a tag: the list shows the posts with it. */
    public void tagClicked(String tag) {
        onTagClicked.accept(tag);
    }

    public void setOnTagClicked(Consumer<String> onTagClicked) {
        this.onTagClicked = onTagClicked;
    }

    /**
     * Loaded once, when the first post is shown (on a MongoDB server without the embedded index it reads
     * every post's tags); saves add their tags from then on.
     */
    private void refreshTagsInUse() {
        if (tagsRequested) {
            return;
        }
        tagsRequested = true;
        executor.execute(repository::tagsInUse, loaded -> {
            List<String> added = new ArrayList<>(tagsInUse);
            tagsInUse.setAll(loaded);
            added.forEach(this::rememberTag);
        }, failure -> {
            tagsRequested = false; // asked again at the next post
            note.set("Tag suggestions are not available: " + failure.getMessage());
        });
    }

    private boolean tagsRequested;

    private void rememberTag(String tag) {
        if (tagsInUse.stream().noneMatch(t -> t.equalsIgnoreCase(tag))) {
            tagsInUse.add(tag);
            FXCollections.sort(tagsInUse, String.CASE_INSENSITIVE_ORDER);
        }
    }

    public ObservableList<String> tags() {
        return tags;
    }

    public ObservableList<String> tagsInUse() {
        return tagsInUse;
    }

    public StringProperty slugProperty() {
        return slug;
    }

    public StringProperty excerptProperty() {
        return excerpt;
    }

    public StringProperty authorProperty() {
        return author;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    /** A line about the details (a slug made unique, suggestions unavailable); empty when all is well. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
