package io.newsflow.cli;

import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code key=value} options ({@code --set}, the benchmark's {@code --streams}): split at the first {@code =}. */
public final class KeyValueConverter implements ITypeConverter<Map.Entry<String, String>> {

    @Override
    public Map.Entry<String, String> convert(String value) {
        int eq = value.indexOf('=');
        if (eq <= 0 || value.substring(0, eq).isBlank()) {
            throw new TypeConversionException("expects key=value, got '" + value + "'");
        }
        // An empty value is allowed: "--set bootstrap.servers=" means "unset" for optional keys.
        return Map.entry(value.substring(0, eq).trim(), value.substring(eq + 1));
    }
}
