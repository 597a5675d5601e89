package dev.hexcore.adapters.persistence.quota;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A Lua script from this package's resources, run by SHA-1 ({@code EVALSHA}) and sent in full only when Redis lacks it. */
final class LuaScript {
    private final String source;
    private final String sha1;

    private LuaScript(String source) {
        this.source = source;
        this.sha1 = sha1(source);
    }

    /** The script made of {@code resources} in this order (a library of functions, then the script using them). */
    static LuaScript load(String... resources) {
        StringBuilder source = new StringBuilder();
        for (String resource : resources) {
            try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing script resource " + resource);
                source.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new LuaScript(source.toString());
    }

    /** Runs the script on one key; {@code EVAL} (which also caches it) after a {@code NOSCRIPT} reply. */
    Uni<Response> run(ReactiveRedisDataSource redis, String key, String... args) {
        return redis.execute("EVALSHA", arguments(sha1, key, args))
                .onFailure(LuaScript::isNoScript)
                .recoverWithUni(() -> redis.execute("EVAL", arguments(source, key, args)));
    }

    /** Runs the script on several keys (one Redis node: the keys are not spread over a cluster). */
    Uni<Response> run(ReactiveRedisDataSource redis, List<String> keys, List<String> args) {
        return redis.execute("EVALSHA", arguments(sha1, keys, args))
                .onFailure(LuaScript::isNoScript)
                .recoverWithUni(() -> redis.execute("EVAL", arguments(source, keys, args)));
    }

    private static String[] arguments(String script, List<String> keys, List<String> args) {
        List<String> all = new ArrayList<>(keys.size() + args.size() + 2);
        all.add(script);
        all.add(String.valueOf(keys.size()));
        all.addAll(keys);
        all.addAll(args);
        return all.toArray(String[]::new);
    }

    private static String[] arguments(String script, String key, String[] args) {
        String[] all = new String[args.length + 3];
        all[0] = script;
        all[1] = "1";
        all[2] = key;
        System.arraycopy(args, 0, all, 3, args.length);
        return all;
    }

    private static boolean isNoScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always available", e);
        }
    }
}
