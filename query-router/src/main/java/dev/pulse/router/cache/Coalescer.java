package dev.pulse.router.cache;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs one computation per key at a time: callers that ask for a key already being computed wait for that
 * result instead of starting their own. Concurrent identical cache misses thus cost Druid one query.
 */
public final class Coalescer {

    private final Map<String, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();

    /** The result and whether this caller joined another's computation. */
    public record Outcome<T>(T value, boolean joined) {
    }

    @SuppressWarnings("unchecked")
    public <T> Outcome<T> run(String key, Supplier<T> work) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing = inFlight.putIfAbsent(key, mine);
        if (existing != null) {
            return new Outcome<>((T) await(existing), true);
        }
        try {
            T value = work.get();
            mine.complete(value);
            return new Outcome<>(value, false);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private static Object await(CompletableFuture<Object> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
