package io.newsflow.api;

import io.javalin.http.Context;
import io.newsflow.serde.auth.AccessTokens;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call the query API: with {@code users}, every {@code /api/v1/...} request needs one of
 * their tokens (401 otherwise); the peers' store reads ({@code /api/v1/internal/...}) need the
 * peers' shared secret whatever else is configured (401 without a credential, 403 with a user's
 * token or when no peer secret is set). The live page's static files stay open: they hold no data.
 *
 * <p>A token travels as {@code Authorization: Bearer <token>} (or as the password of Basic
 * credentials), or, for the live page whose {@code EventSource} cannot set headers, in the
 * {@value #COOKIE} cookie that the page sets from its URL fragment ({@code /#token=...}): a fragment
 * never reaches a server, so never a server's log. A refusal is logged with the path and the
 * caller's address, never with the credential.
 */
public final class ApiAccess {

    /** The cookie the live page keeps its token in. */
    public static final String COOKIE = "newsflow_token";
    static final String INTERNAL = ApiServer.BASE + "/internal/";

    private static final Logger LOG = LoggerFactory.getLogger(ApiAccess.class);

    private final AccessTokens users;
    private final AccessTokens peers;

    /**
     * @param users the tokens of API users, or null: anyone may query
     * @param peers the peers' shared secret, or null: no instance may read this one's stores
     */
    public ApiAccess(AccessTokens users, AccessTokens peers) {
        this.users = users;
        this.peers = peers;
    }

    /** Anyone may query; no peer may read (a single instance on loopback, tests). */
    public static ApiAccess open() {
        return new ApiAccess(null, null);
    }

    public boolean authenticatesUsers() {
        return users != null;
    }

    /** Throws the refusal of a request that may not pass; returns when it may. */
    void check(Context ctx) {
        String path = ctx.path();
        if (!path.startsWith(ApiServer.BASE + "/")) {
            return; // the live page's static files
        }
        Optional<String> credential = credential(ctx);
        if (path.startsWith(INTERNAL)) {
            if (credential.isEmpty()) {
                throw refused(ctx, ApiException.unauthorized("peer reads need the peers' secret"), "no credential");
            }
            if (peers == null || peers.match(credential.get()).isEmpty()) {
                throw refused(ctx, ApiException.forbidden("only the other instances may read the stores"
                        + (peers == null ? " (this one has no api.peer.secret.file)" : "")), "not the peer secret");
            }
            return;
        }
        if (users == null) {
            return;
        }
        if (credential.isEmpty()) {
            throw refused(ctx, ApiException.unauthorized("a token is required (Authorization: Bearer <token>)"),
                    "no credential");
        }
        if (users.match(credential.get()).isEmpty()) {
            throw refused(ctx, ApiException.unauthorized("unknown token"), "unknown token");
        }
    }

    private static Optional<String> credential(Context ctx) {
        Optional<String> header = AccessTokens.fromAuthorization(ctx.header("Authorization"));
        if (header.isPresent()) {
            return header;
        }
        String cookie = ctx.cookie(COOKIE);
        return cookie == null || cookie.isEmpty() ? Optional.empty()
                : Optional.of(URLDecoder.decode(cookie, StandardCharsets.UTF_8));
    }

    private static ApiException refused(Context ctx, ApiException refusal, String why) {
        LOG.warn("Refused {} {} from {}: {}", ctx.method(), ctx.path(), ctx.ip(), why);
        return refusal;
    }
}
