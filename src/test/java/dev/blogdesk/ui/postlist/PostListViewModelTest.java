package dev.blogdesk.ui.postlist;

import dev.blogdesk.store.PostSummary;
import dev.blogdesk.testing.ManualTaskExecutor;
import dev.blogdesk.testing.InMemoryPostRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class PostListViewModelTest {

    static final InMemoryPostRepository repo = new InMemoryPostRepository();

    @BeforeAll
    static void fill() {
        repo.create("Apples", "red fruit");
        repo.create("Bananas", "yellow fruit");
    }

    @Test
    void aSlowOlderSearchNeverOverwritesTheNewerOne() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        PostListViewModel vm = new PostListViewModel(repo, executor);

        vm.show("apples");
        vm.show("bananas");
        assertThat(executor.pendingCount()).isEqualTo(2);

        executor.complete(1); // the newer search answers first
        assertThat(vm.posts()).extracting(PostSummary::title).containsExactly("Bananas");
        executor.complete(0); // the older one arrives late and is dropped
        assertThat(vm.posts()).extracting(PostSummary::title).containsExactly("Bananas");
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void excerptsShowTheWordsNotTheMarkdown() {
        InMemoryPostRepository markdown = new InMemoryPostRepository();
        markdown.create("Notes", "## What I learned - the import\n\nIt was **fast**, see [the docs](https://example.org/docs) "
                + "and ![a diagram](/uploads/abc.png) with `code` and <b>tags</b>.");
        ManualTaskExecutor executor = new ManualTaskExecutor();
        PostListViewModel vm = new PostListViewModel(markdown, executor);
        vm.show("");
        executor.complete(0);
        assertThat(vm.posts()).singleElement().extracting(PostSummary::excerpt)
                .isEqualTo("What I learned - the import It was fast, see the docs and a diagram with code and tags.");
    }

    @Test
    void loadingIsShownWhileASearchRuns() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        PostListViewModel vm = new PostListViewModel(repo, executor);
        vm.show("fruit");
        assertThat(vm.loadingProperty().get()).isTrue();
        executor.completeAll();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.posts()).hasSize(2);
    }
}
