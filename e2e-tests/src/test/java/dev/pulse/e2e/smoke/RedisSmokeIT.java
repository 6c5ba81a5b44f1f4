package dev.pulse.e2e.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.testing.PulseStackExtension;
import dev.pulse.testing.StackAddresses;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PulseStackExtension.class)
class RedisSmokeIT {

    @Test
    void pingsSetsAndGetsThroughLettuce(StackAddresses stack) {
        RedisClient client = RedisClient.create(stack.redisUri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            var redis = connection.sync();
            String key = "pulse:smoke:" + UUID.randomUUID();

            assertThat(redis.ping()).isEqualTo("PONG");
            assertThat(redis.set(key, "42", SetArgs.Builder.ex(60))).isEqualTo("OK");
            assertThat(redis.get(key)).isEqualTo("42");
            assertThat(redis.ttl(key)).isBetween(1L, 60L);
            assertThat(redis.del(key)).isEqualTo(1L);
            assertThat(redis.get(key)).isNull();
        } finally {
            client.shutdown();
        }
    }
}
