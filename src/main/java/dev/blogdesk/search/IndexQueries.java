package dev.blogdesk.search;

import dev.blogdesk.store.ChangeFeed;
import dev.blogdesk.store.PostStatus;
import dev.blogdesk.store.PostSummary;
import dev.blogdesk.store.SearchQuery;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static dev.blogdesk.search.IndexedPost.DATE;
import static dev.blogdesk.search.IndexedPost.EXCERPT;
import static dev.blogdesk.search.IndexedPost.ID;
import static dev.blogdesk.search.IndexedPost.LARGE;
import static dev.blogdesk.search.IndexedPost.SOURCE;
import static dev.blogdesk.search.IndexedPost.TITLE;
import static dev.blogdesk.search.IndexedPost.gramQuery;
import static dev.blogdesk.search.IndexedPost.matches;

/** The index's answers: pages of summaries in list order, read without touching the rest. */
final class IndexQueries {

    /** The list order, which is also the index's sort order. */
    static final Sort NEWEST_FIRST = new Sort(new SortField(DATE, SortField.Type.LONG, true),
            new SortField(IndexedPost.SORT_ID, SortField.Type.STRING, true));
    private static final Set<String> SUMMARY_FIELDS = Set.of(ID, TITLE, DATE, EXCERPT, IndexedPost.STATUS, IndexedPost.THUMBNAIL);

    private final ChangeFeed store;
    private final Supplier<SearcherManager> searchers;

    IndexQueries(ChangeFeed store, Supplier<SearcherManager> searchers) {
        this.store = store;
        this.searchers = searchers;
    }

    /** Posts matching every term of {@code query} (all posts for an empty query), newest first. */
    public List<PostSummary> search(SearchQuery query, int skip, int limit) {
        Query text = query.terms().isEmpty() ? new MatchAllDocsQuery() : withLargePosts(query);
        if (query.status() == null && query.tags().isEmpty()) {
            return top(text, skip, limit);
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        if (query.status() != null) {
            all.add(new TermQuery(new Term(IndexedPost.STATUS, query.status().value())), BooleanClause.Occur.FILTER);
        }
        for (String tag : query.tags()) {
            all.add(new TermQuery(new Term(IndexedPost.TAG, IndexedPost.foldedTag(tag))), BooleanClause.Occur.FILTER);
        }
        return top(all.build(), skip, limit);
    }

    /** The tags of the indexed posts, each once, alphabetically; a tag no live post has is left out. */
    public List<String> tagsInUse() {
        return withSearcher(searcher -> {
            java.util.TreeSet<String> tags = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(searcher.getIndexReader(),
                    IndexedPost.TAG_NAME);
            if (terms != null) {
                org.apache.lucene.index.TermsEnum each = terms.iterator();
                for (BytesRef term = each.next(); term != null; term = each.next()) {
                    String tag = term.utf8ToString();
                    // Terms of deleted posts stay until a merge: only count tags a live post has.
                    if (searcher.count(new TermQuery(new Term(IndexedPost.TAG_NAME, tag))) > 0) {
                        tags.add(tag);
                    }
                }
            }
            return List.copyOf(tags);
        });
    }

    /** Posts imported from {@code source}, newest first. */
    public List<PostSummary> listImported(String source, int skip, int limit) {
        return top(new TermQuery(new Term(SOURCE, source)), skip, limit);
    }

    public long count() {
        return withSearcher(s -> (long) s.getIndexReader().numDocs());
    }

    private List<PostSummary> top(Query query, int skip, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(query, skip + limit, NEWEST_FIRST, false);
            StoredFields stored = searcher.storedFields();
            List<PostSummary> page = new ArrayList<>(Math.max(0, top.scoreDocs.length - skip));
            for (int i = skip; i < top.scoreDocs.length; i++) {
                ScoreDoc hit = top.scoreDocs[i];
                Document d = stored.document(hit.doc, SUMMARY_FIELDS);
                Number date = d.getField(DATE) == null ? null : d.getField(DATE).numericValue();
                page.add(new PostSummary(d.get(ID), d.get(TITLE),
                        date == null ? null : Instant.ofEpochMilli(date.longValue()), d.get(EXCERPT),
                        PostStatus.ofField(d.get(IndexedPost.STATUS)), d.get(IndexedPost.THUMBNAIL)));
            }
            return page;
        });
    }

    /** The gram query, plus the posts too large to index that the store says match. */
    private Query withLargePosts(SearchQuery query) {
        Query grams = gramQuery(query);
        List<BytesRef> largeMatches = new ArrayList<>();
        for (String key : largePostKeys()) {
            store.readByKey(key).filter(post -> matches(post, query))
                    .ifPresent(post -> largeMatches.add(new BytesRef(post.key())));
        }
        if (largeMatches.isEmpty()) {
            return grams;
        }
        return new BooleanQuery.Builder()
                .add(grams, BooleanClause.Occur.SHOULD)
                .add(new TermInSetQuery(ID, largeMatches), BooleanClause.Occur.SHOULD)
                .build();
    }

    private List<String> largePostKeys() {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(LARGE, "1")), Integer.MAX_VALUE);
            StoredFields stored = searcher.storedFields();
            List<String> keys = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                keys.add(stored.document(hit.doc, Set.of(ID)).get(ID));
            }
            return keys;
        });
    }

    private interface SearcherCall<T> {
        T call(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherCall<T> call) {
        SearcherManager manager = searchers.get();
        if (manager == null) {
            throw new IllegalStateException("The search index is not open");
        }
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                return call.call(searcher);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The search index could not be read", e);
        }
    }
}
