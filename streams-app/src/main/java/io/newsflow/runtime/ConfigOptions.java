package io.newsflow.runtime;

import io.newsflow.cli.KeyValueConverter;
import io.newsflow.config.AppConfig;
import io.newsflow.logging.LogLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Where the configuration comes from: {@code --config FILE} and {@code --set key=value}, fed to {@link AppConfig#load}. */
public final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", converter = ConfigFile.class,
            description = "properties file; default: $" + AppConfig.CONFIG_FILE_ENV + " if set")
    private Path configFile;

    @Option(names = "--set", paramLabel = "key=value", converter = KeyValueConverter.class,
            description = "override one configuration key (repeatable; a later --set of a key wins; "
                    + "an empty value unsets an optional key)")
    private List<Map.Entry<String, String>> assignments = new ArrayList<>();

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "console log level: trace, debug, info, warn, error or off (sets log.level); default: info")
    private String logLevel;

    /** Defaults, the file, the environment and the {@code --set} values, in that precedence. */
    public AppConfig load(Map<String, String> env) {
        return AppConfig.load(configFile, env, overrides());
    }

    /** The {@code --set} values in order; a later {@code --set} of a key wins. */
    Map<String, String> overrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (logLevel != null) {
            overrides.put(LogLevel.KEY, logLevel.toLowerCase(java.util.Locale.ROOT));
        }
        assignments.forEach(a -> overrides.put(a.getKey(), a.getValue()));
        return overrides;
    }

    static final class ConfigFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("--config needs a file name");
            }
            return Path.of(value);
        }
    }
}
