package dev.blogdesk.spelling;

import java.util.Locale;

/** The spelling languages offered, by LanguageTool's language code; stored in Settings by {@link #code()}. */
public enum SpellLanguage {
    OFF("off", "Off"),
    ENGLISH_US("en-US", "English (US)"),
    ENGLISH_UK("en-GB", "English (UK)"),
    GERMAN("de-DE", "German"),
    SPANISH("es", "Spanish"),
    FRENCH("fr", "French"),
    PORTUGUESE("pt-PT", "Portuguese (Portugal)"),
    PORTUGUESE_BRAZIL("pt-BR", "Portuguese (Brazil)");

    private final String code;
    private final String label;

    SpellLanguage(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The language a stored code names; an unknown one is English (US), the default. */
    public static SpellLanguage of(String code) {
        for (SpellLanguage l : values()) {
            if (l.code.equalsIgnoreCase(code)) {
                return l;
            }
        }
        return ENGLISH_US;
    }

    /** The default for a new user: their system language if it is offered, else English (US). */
    public static SpellLanguage forLocale(Locale locale) {
        String tag = locale.toLanguageTag();
        for (SpellLanguage l : values()) {
            if (l != OFF && l.code.equalsIgnoreCase(tag)) {
                return l;
            }
        }
        return switch (locale.getLanguage()) {
            case "de" -> GERMAN;
            case "es" -> SPANISH;
            case "fr" -> FRENCH;
            case "pt" -> PORTUGUESE;
            default -> ENGLISH_US;
        };
    }
}
