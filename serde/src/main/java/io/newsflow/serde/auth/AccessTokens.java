package io.newsflow.serde.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The secrets an HTTP face accepts, read from a file: one {@code name:token} per line (blank lines
 * and {@code #} comments skipped). Only the name of a matching token is ever handed out, so logs
 * and error messages can say who came in without saying with what.
 *
 * <p>Tokens are compared by their SHA-256 digests with {@link MessageDigest#isEqual} (constant time
 * for equal lengths, and digests always have equal lengths), against every known token without an
 * early exit: the time a check takes tells nothing about how much of a guess was right.
 */
public final class AccessTokens {

    /** Shortest accepted token: a guessable secret is no secret. */
    public static final int MIN_LENGTH = 16;

    private record Entry(String name, byte[] digest) {
    }

    private final List<Entry> entries;

    private AccessTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads {@code name:token} lines.
     *
     * @throws IllegalArgumentException naming the file and line (never the token) when a line is
     *                                  malformed, a token too short, or the file holds none
     */
    public static AccessTokens load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token file " + file + ": " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String where = file + " line " + (i + 1);
            if (colon <= 0) {
                throw new IllegalArgumentException(where + ": expected name:token");
            }
            String token = line.substring(colon + 1).strip();
            if (token.length() < MIN_LENGTH) {
                throw new IllegalArgumentException(where + ": the token is shorter than " + MIN_LENGTH + " characters");
            }
            entries.add(new Entry(line.substring(0, colon).strip(), digest(token)));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no name:token line");
        }
        return new AccessTokens(entries);
    }

    /** One named token (the peers' shared secret, tests). */
    public static AccessTokens of(String name, String token) {
        return new AccessTokens(List.of(new Entry(name, digest(token))));
    }

    /** The secret of a file holding just one token (the peers' secret): its first non-comment line. */
    public static String readSecret(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst()
                    .filter(l -> l.length() >= MIN_LENGTH)
                    .orElseThrow(() -> new IllegalArgumentException(file + " holds no secret of at least "
                            + MIN_LENGTH + " characters"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the secret file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The name of the token presented, if it is one of these. */
    public Optional<String> match(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] given = digest(presented);
        String found = null;
        for (Entry entry : entries) { // every entry, whatever matched: no early exit
            if (MessageDigest.isEqual(entry.digest(), given) && found == null) {
                found = entry.name();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The secret an {@code Authorization} header carries: {@code Bearer <token>}, or the password
     * of {@code Basic base64(name:token)} (what Confluent clients' {@code basic.auth.user.info} sends).
     */
    public static Optional<String> fromAuthorization(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(value.substring(7).strip());
        }
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? Optional.empty() : Optional.of(pair.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
