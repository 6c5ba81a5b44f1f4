package dev.pulse.router.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer cache in Redis, through Lettuce. Redis being down makes answers slower, never failed: a failed
 * call reports {@link Lookup#bypass()} and Redis is left alone for {@code retryAfter}, so an outage does not
 * add a command timeout to every query.
 *
 * <p>A stored value starts with its expiry time (8 bytes, milliseconds since the epoch), so that whoever reads it
 * knows how long it may keep a copy ({@link LocalAnswers}) without asking Redis for the key's TTL.
 */
public class QueryCache implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QueryCache.class);

    /** What a lookup found: the cached bytes and until when they hold, nothing, or that the cache was not usable. */
    public record Lookup(Status status, byte[] value, Instant expiresAt) {
        public enum Status { HIT, MISS, BYPASS }

        public static Lookup bypass() {
            return new Lookup(Status.BYPASS, null, null);
        }

        static Lookup miss() {
            return new Lookup(Status.MISS, null, null);
        }
    }

    private static final int EXPIRY_BYTES = Long.BYTES;

    private final RedisClient client;
    private final Duration retryAfter;
    private final Clock clock;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile Instant downUntil = Instant.MIN;

    public QueryCache(String redisUri, Duration commandTimeout, Duration retryAfter, Clock clock) {
        RedisURI uri = RedisURI.create(redisUri);
        uri.setTimeout(commandTimeout);
        this.client = RedisClient.create(uri);
        this.client.setOptions(ClientOptions.builder()
                // while disconnected, fail at once instead of queueing commands until a timeout
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                // connecting (TCP, and Netty's first start in a cold JVM) takes longer than a command
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                .build());
        this.retryAfter = retryAfter;
        this.clock = clock;
        // connect at start, so the first query does not pay for it; a Redis that is down is tried again later
        connection();
    }

    public Lookup get(String key) {
        return connection().map(c -> {
            try {
                byte[] stored = c.sync().get(key);
                if (stored == null || stored.length < EXPIRY_BYTES) {
                    return Lookup.miss();
                }
                Instant expiresAt = Instant.ofEpochMilli(ByteBuffer.wrap(stored).getLong());
                return new Lookup(Lookup.Status.HIT, Arrays.copyOfRange(stored, EXPIRY_BYTES, stored.length), expiresAt);
            } catch (RuntimeException e) {
                failed("GET", e);
                return Lookup.bypass();
            }
        }).orElseGet(Lookup::bypass);
    }

    /** Stores a value until {@code expiresAt}; false when Redis could not take it. */
    public boolean put(String key, byte[] value, Instant expiresAt) {
        long ttlMillis = expiresAt.toEpochMilli() - clock.millis();
        if (ttlMillis <= 0) {
            return false;
        }
        byte[] stored = ByteBuffer.allocate(EXPIRY_BYTES + value.length).putLong(expiresAt.toEpochMilli()).put(value)
                .array();
        return connection().map(c -> {
            try {
                c.sync().set(key, stored, SetArgs.Builder.px(ttlMillis));
                return true;
            } catch (RuntimeException e) {
                failed("SET", e);
                return false;
            }
        }).orElse(false);
    }

    /** Whether the cache is currently in use (for health). */
    public boolean available() {
        return connection().isPresent();
    }

    private Optional<StatefulRedisConnection<String, byte[]>> connection() {
        if (clock.instant().isBefore(downUntil)) {
            return Optional.empty();
        }
        StatefulRedisConnection<String, byte[]> current = connection;
        if (current != null && current.isOpen()) {
            return Optional.of(current);
        }
        synchronized (this) {
            if (connection != null && connection.isOpen()) {
                return Optional.of(connection);
            }
            if (connection != null) {
                connection.closeAsync();
                connection = null;
            }
            try {
                connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                log.info("query cache connected to Redis");
                return Optional.of(connection);
            } catch (RuntimeException e) {
                failed("CONNECT", e);
                return Optional.empty();
            }
        }
    }

    private void failed(String operation, RuntimeException e) {
        if (clock.instant().isAfter(downUntil)) {
            log.warn("Redis {} failed ({}); answering without the cache for {}", operation, e.getMessage(), retryAfter);
        }
        downUntil = clock.instant().plus(retryAfter);
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
