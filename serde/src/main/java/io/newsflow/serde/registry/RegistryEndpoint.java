package io.newsflow.serde.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One registry base URL with the Authorization header to send to it. Parses Confluent's
 * comma-separated {@code schema.registry.url} and its {@code basic.auth.credentials.source}:
 * {@code USER_INFO} takes "user:password" from {@code basic.auth.user.info}, {@code URL} takes it
 * from the URL itself (http://user:pass@host:8081).
 *
 * @param baseUri       scheme, host, port and path, without user info and trailing slash
 * @param authorization the header value, or null for none
 */
record RegistryEndpoint(URI baseUri, String authorization) {

    static final String SOURCE_URL = "URL";
    static final String SOURCE_USER_INFO = "USER_INFO";

    static List<RegistryEndpoint> parse(String urls, String credentialsSource, String userInfo) {
        String source = credentialsSource == null || credentialsSource.isBlank()
                ? SOURCE_URL : credentialsSource.trim().toUpperCase(Locale.ROOT);
        if (!source.equals(SOURCE_URL) && !source.equals(SOURCE_USER_INFO)) {
            throw new IllegalArgumentException("Unsupported basic.auth.credentials.source '" + credentialsSource
                    + "': expected URL or USER_INFO");
        }
        if (source.equals(SOURCE_USER_INFO) && (userInfo == null || !userInfo.contains(":"))) {
            throw new IllegalArgumentException(
                    "basic.auth.credentials.source=USER_INFO needs basic.auth.user.info as 'user:password'");
        }
        List<RegistryEndpoint> endpoints = new ArrayList<>();
        for (String part : urls.split(",")) {
            String url = part.trim();
            if (!url.isEmpty()) {
                endpoints.add(of(url, source, userInfo));
            }
        }
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("schema.registry.url holds no URL: '" + urls + "'");
        }
        return endpoints;
    }

    private static RegistryEndpoint of(String url, String source, String userInfo) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid schema registry URL '" + url + "': " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("Invalid schema registry URL '" + url + "': expected http(s)://host:port");
        }
        String credentials = source.equals(SOURCE_USER_INFO) ? userInfo
                : uri.getRawUserInfo() == null ? null : URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        URI base = URI.create(scheme + "://" + hostPort(uri) + path);
        String authorization = credentials == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        return new RegistryEndpoint(base, authorization);
    }

    private static String hostPort(URI uri) {
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    /** For messages: never shows credentials. */
    @Override
    public String toString() {
        return baseUri.toString();
    }
}
