package io.newsflow.text;

import java.util.List;
import java.util.Locale;

/**
 * Words near a mention that show a company is meant, for aliases that are also common words ("Target",
 * "Visa", ビザ): a {@code ?alias} counts only when one of these (or a {@code +cue} of its entity, or an
 * unambiguous mention of the same entity elsewhere in the text) is in its window, and no {@code -cue} of the
 * entity is. The window is the text around the mention within the same sentence, at most
 * {@value #WINDOW} characters each side, so the check costs the same whatever the dictionary's size.
 */
final class ContextCues {

    static final int WINDOW = 80;

    /** Generic company context, both languages; Latin cues match as whole words, lower-cased. */
    static final List<String> COMPANY = List.of(
            "inc", "corp", "corporation", "co.", "company", "ltd", "plc", "shares", "share price", "stock",
            "stocks", "shareholders", "investors", "ceo", "cfo", "chief executive", "executives", "earnings",
            "revenue", "revenues", "sales", "profit", "profits", "quarterly", "quarter", "guidance", "forecast",
            "analysts", "analyst", "nasdaq", "nyse", "market value", "valuation", "dividend", "buyback",
            "acquisition", "acquire", "acquired", "merger", "stake", "layoffs", "stores", "retailer",
            "株", "株価", "株式", "社長", "最高経営責任者", "決算", "売上高", "営業利益", "純利益", "上場", "買収",
            "出資", "同社", "銘柄", "時価総額", "受注", "出荷", "業績", "予想", "増益", "減益", "値上がり", "値下がり",
            "販売台数", "値下げ", "値上げ", "店舗", "orders", "shipments", "outlook");

    private ContextCues() {
    }

    /** Whether text[from, to) contains cue: a whole word for Latin cues, anywhere for Japanese ones. */
    static boolean contains(String lowerText, int from, int to, String lowerCue) {
        int at = indexOf(lowerText, lowerCue, from, to);
        while (at >= 0) {
            boolean before = at == 0 || !Scripts.isLatinWordChar(lowerCue.charAt(0))
                    || !Scripts.isLatinWordChar(lowerText.charAt(at - 1));
            int end = at + lowerCue.length();
            boolean after = end >= lowerText.length() || !Scripts.isLatinWordChar(lowerCue.charAt(lowerCue.length() - 1))
                    || !Scripts.isLatinWordChar(lowerText.charAt(end));
            if (before && after) {
                return true;
            }
            at = indexOf(lowerText, lowerCue, at + 1, to);
        }
        return false;
    }

    /** First occurrence of cue inside text[from, to), or -1: never searches past the window (linear in it, not in the text). */
    private static int indexOf(String text, String cue, int from, int to) {
        for (int at = from; at + cue.length() <= to; at++) {
            if (text.startsWith(cue, at)) {
                return at;
            }
        }
        return -1;
    }

    static String lower(String cue) {
        return cue.toLowerCase(Locale.ROOT);
    }

    /** Start of the window before offset: at most WINDOW chars back, not past the end of the previous sentence. */
    static int windowStart(String text, int offset) {
        int limit = Math.max(0, offset - WINDOW);
        for (int i = offset - 1; i >= limit; i--) {
            if (endsSentence(text, i)) {
                return i + 1;
            }
        }
        return limit;
    }

    static int windowEnd(String text, int offset) {
        int limit = Math.min(text.length(), offset + WINDOW);
        for (int i = offset; i < limit; i++) {
            if (endsSentence(text, i)) {
                return i;
            }
        }
        return limit;
    }

    /** 。！？ and newlines end a sentence; . ! ? only before white space ("Inc.", "Amazon.com" do not). */
    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        if (c == '。' || c == '！' || c == '？' || c == '\n') {
            return true;
        }
        return (c == '.' || c == '!' || c == '?') && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }
}
