package dev.glimpse.search;

/**
 * Tells real words from misspellings for {@link Spelling}: a word it knows is left as typed even when no caption has
 * it. The search asks the embedding model's vocabulary ({@link dev.glimpse.embedding.WordVocabulary}).
 */
@FunctionalInterface
interface KnownWords {

    /** Knows no word: every unknown word of at least {@link Spelling#SHORTEST} letters may be corrected. */
    KnownWords NONE = word -> false;

    /** Whether {@code word} (lower case, letters only) is a real word. */
    boolean contains(String word);
}
