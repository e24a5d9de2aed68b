package dev.blogdesk.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MongoUrisTest {

    @Test
    void redactsThePasswordButKeepsHostAndUser() {
        assertThat(MongoUris.redact("mongodb://alice:s3cr3t@db.example.com:27017/blogdb?authSource=admin"))
                .isEqualTo("mongodb://alice:***@db.example.com:27017/blogdb?authSource=admin");
        assertThat(MongoUris.redact("mongodb+srv://bob:p%40ss@cluster0.abc.mongodb.net/"))
                .isEqualTo("mongodb+srv://bob:***@cluster0.abc.mongodb.net/");
        assertThat(MongoUris.redact("mongodb://localhost:27017")).isEqualTo("mongodb://localhost:27017");
    }

    @Test
    void scrubsThePasswordOutOfAnyText() {
        String uri = "mongodb://alice:s3cr3t@db.example.com/blogdb";
        assertThat(MongoUris.scrub("failed for " + uri + " with s3cr3t", uri)).doesNotContain("s3cr3t");
    }
}
