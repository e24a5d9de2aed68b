package dev.blogdesk.markdown;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutlineTest {

    @Test
    void headingsOfEveryKindButNotInCodeOrFrontMatter() {
        String text = "---\ntitle: Front\n---\n# One\n\nSetext two\n----------\n\n```\n# code\n```\n\n### Three *em*\n";
        assertThat(Outline.of(text)).extracting(Outline.Heading::level, Outline.Heading::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "One"), org.assertj.core.groups.Tuple.tuple(2, "Setext two"),
                        org.assertj.core.groups.Tuple.tuple(3, "Three em"));
        assertThat(Outline.of(text).get(0).offset()).isEqualTo(text.indexOf("# One"));
        assertThat(Outline.of(text).get(1).offset()).isEqualTo(text.indexOf("Setext two"));
    }
}
