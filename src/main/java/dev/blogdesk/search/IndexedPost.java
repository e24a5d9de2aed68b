package dev.blogdesk.search;

import dev.blogdesk.store.MongoPostRepository;
import dev.blogdesk.store.PostText;
import dev.blogdesk.store.SearchQuery;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A post as the index holds it (its fields and grams), and the queries that find it: literal,
 * case-insensitive matching exactly as the store's {@code $regex}.
 */
final class IndexedPost {

    static final int MAX_INDEXED_CODE_POINTS = 1_000_000;
    static final String ID = "id";
    static final String TRIGRAMS = "g3";
    static final String SHORT_GRAMS = "g12";
    static final String DATE = "date";
    static final String SORT_ID = "sort_id";
    static final String TITLE = "title";
    static final String EXCERPT = "excerpt";
    static final String SOURCE = "source";
    static final String LARGE = "large";
    /** "draft" or "published": indexed for the list's filter and stored for its badge. */
    static final String STATUS = "status";
    /** Each tag folded as the store's case-insensitive match folds it, for {@code tag:} filters. */
    static final String TAG = "tag";
    /** Each tag as written, for the list of tags in use. */
    static final String TAG_NAME = "tag_name";
    /** The filename of the post's first stored image, for the list's thumbnail. */
    static final String THUMBNAIL = "thumbnail";
    private static final FieldType TRIGRAM_TYPE = gramType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    private static final FieldType SHORT_GRAM_TYPE = gramType(IndexOptions.DOCS);

    private IndexedPost() {
    }

    private static FieldType gramType(IndexOptions options) {
        FieldType type = new FieldType();
        type.setIndexOptions(options);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.setStored(false);
        type.freeze();
        return type;
    }

    static Document toDocument(PostText post) {
        Document d = new Document();
        d.add(new StringField(ID, post.key(), Field.Store.YES));
        d.add(new SortedDocValuesField(SORT_ID, new BytesRef(post.sortKey())));
        // MongoDB sorts a missing date below every date: last in a newest-first list.
        d.add(new NumericDocValuesField(DATE, post.datePosted() == null ? Long.MIN_VALUE : post.datePosted()));
        if (post.datePosted() != null) {
            d.add(new StoredField(DATE, post.datePosted()));
        }
        d.add(new StoredField(TITLE, post.title()));
        d.add(new StoredField(EXCERPT, MongoPostRepository.excerptOf(post.content())));
        String thumbnail = dev.blogdesk.store.PostImages.firstImage(post.content());
        if (thumbnail != null) {
            d.add(new StoredField(THUMBNAIL, thumbnail));
        }
        d.add(new StringField(STATUS, post.status().value(), Field.Store.YES));
        for (String tag : post.tags()) {
            d.add(new StringField(TAG, foldedTag(tag), Field.Store.NO));
            d.add(new StringField(TAG_NAME, tag, Field.Store.NO));
        }
        if (post.source() != null) {
            d.add(new StringField(SOURCE, post.source(), Field.Store.NO));
        }
        int[] text = TextFolding.searchText(post.searchableTitle(), post.content());
        if (text.length > MAX_INDEXED_CODE_POINTS) {
            d.add(new StringField(LARGE, "1", Field.Store.NO));
        } else {
            d.add(new Field(TRIGRAMS, GramTokenStream.trigrams(text), TRIGRAM_TYPE));
            d.add(new Field(SHORT_GRAMS, GramTokenStream.shortGrams(text), SHORT_GRAM_TYPE));
        }
        return d;
    }

    static String foldedTag(String tag) {
        int[] folded = TextFolding.fold(tag);
        return new String(folded, 0, folded.length);
    }

    static Query gramQuery(SearchQuery query) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : query.terms()) {
            all.add(termQuery(TextFolding.fold(term)), BooleanClause.Occur.FILTER);
        }
        return all.build();
    }

    /** A literal of any length: a gram lookup for up to three code points, else a phrase of trigrams. */
    private static Query termQuery(int[] cps) {
        if (cps.length <= 2) {
            return new TermQuery(new Term(SHORT_GRAMS, GramTokenStream.term(cps, 0, cps.length)));
        }
        if (cps.length == 3) {
            return new TermQuery(new Term(TRIGRAMS, GramTokenStream.term(cps, 0, 3)));
        }
        // Trigrams at offsets 0, 3, 6, ... and the last one cover every character: enough for an exact match.
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int at = 0; ; at += 3) {
            int offset = Math.min(at, cps.length - 3);
            phrase.add(new Term(TRIGRAMS, GramTokenStream.term(cps, offset, 3)), offset);
            if (offset == cps.length - 3) {
                break;
            }
        }
        return phrase.build();
    }

    static boolean matches(PostText post, SearchQuery query) {
        for (String term : query.terms()) {
            if (!TextFolding.contains(post.searchableTitle(), term) && !TextFolding.contains(post.content(), term)) {
                return false;
            }
        }
        return true;
    }
}
