package io.newsflow.config;

import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Validators for what {@link ConfigDef} has no type for. ConfigDef's types are a closed enum, so a
 * duration is defined as a {@code STRING} (its label, "24h", is kept as written because labels end
 * up in record keys and metric labels) checked by {@link #duration()} with {@link DurationParser}, the
 * one duration parser; a list of durations or of numbers is a {@code LIST} checked entry by entry.
 * Each validator names its {@linkplain Described#typeName() type} for the generated docs and says what
 * it {@linkplain Described#expected() expects} in error messages.
 */
public final class ConfigValidators {

    static final String DURATION_FORMATS = "500ms, 30s, 5m, 1h, 1d or ISO-8601 PT1H";

    private ConfigValidators() {
    }

    /** A validator that describes its values in the docs' type column and in error messages. */
    public interface Described extends ConfigDef.Validator {

        /** e.g. {@code duration}, {@code list of durations}. */
        String typeName();

        /** What a valid value is, completing "'key' = 'value' is not ...". */
        String expected();
    }

    /** A duration as {@link DurationParser} reads it. */
    public static Described duration() {
        return new Entries("duration", "a duration (use " + DURATION_FORMATS + ")", false, false,
                DurationParser::parse);
    }

    /** Empty (not set) or a duration. */
    public static Described optionalDuration() {
        return new Entries("duration or empty", "empty or a duration (use " + DURATION_FORMATS + ")", false, true,
                DurationParser::parse);
    }

    /** A non-empty comma-separated list of durations. */
    public static Described durations() {
        return new Entries("list of durations", "a non-empty list of durations (use " + DURATION_FORMATS + ")",
                true, false, DurationParser::parse);
    }

    /** A non-empty comma-separated list of finite numbers. */
    public static Described numbers() {
        return new Entries("list of numbers", "a non-empty list of finite numbers", true, false,
                ConfigValidators::finite);
    }

    static double finite(String text) {
        double d = Double.parseDouble(text.trim());
        if (!Double.isFinite(d)) {
            throw new NumberFormatException("not finite: " + text);
        }
        return d;
    }

    /** Checks a value, or each entry of a list, with a parser that throws on a bad one. */
    private record Entries(String typeName, String expected, boolean list, boolean emptyAllowed,
                           Function<String, ?> parser) implements Described {

        @Override
        public void ensureValid(String name, Object value) {
            List<?> entries = list ? (List<?>) value : List.of(value == null ? "" : value);
            if (entries.isEmpty() || entries.stream().allMatch(e -> e.toString().isBlank())) {
                if (emptyAllowed) {
                    return;
                }
                throw new InvalidValue(expected);
            }
            for (Object entry : entries) {
                String text = entry.toString().trim();
                if (text.isEmpty()) {
                    continue;
                }
                try {
                    parser.apply(text);
                } catch (RuntimeException e) {
                    throw new InvalidValue(expected);
                }
            }
        }

        @Override
        public String toString() {
            return expected;
        }
    }

    /** Thrown by a {@link Described} validator; the message completes "'key' = 'value' is not ...". */
    static final class InvalidValue extends IllegalArgumentException {
        InvalidValue(String expected) {
            super(expected);
        }
    }
}
