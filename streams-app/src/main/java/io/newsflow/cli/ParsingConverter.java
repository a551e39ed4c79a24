package io.newsflow.cli;

import java.time.DateTimeException;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A picocli converter made of a parse function: the parser's {@link IllegalArgumentException} or
 * {@link DateTimeException} becomes a usage error (exit code 2) carrying the parser's own message,
 * instead of picocli's generic "cannot convert" wrapping.
 */
public abstract class ParsingConverter<T> implements ITypeConverter<T> {

    private final Function<String, T> parser;

    protected ParsingConverter(Function<String, T> parser) {
        this.parser = parser;
    }

    @Override
    public final T convert(String value) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
