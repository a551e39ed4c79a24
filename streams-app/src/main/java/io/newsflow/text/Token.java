package io.newsflow.text;

/**
 * One token of analysed text.
 *
 * @param surface the text as written
 * @param key what lexicons match on: the dictionary (base) form for Japanese, the lower-cased stem for English
 * @param partOfSpeech Kuromoji's part of speech for Japanese (e.g. "助動詞"), "word" or "punct" for English
 * @param start offset of the first char in the analysed text
 * @param end offset after the last char
 * @param punctuation true for punctuation, which bounds negation and intensifier windows
 */
public record Token(String surface, String key, String partOfSpeech, int start, int end, boolean punctuation) {
}
