package dev.pulse.ingest.kafka;

import net.jpountz.lz4.LZ4Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads lz4-java's native (JNI) codec before the producer compresses anything. The library takes its native code
 * only when it is loaded by the system class loader, or when something loaded it already: inside the Spring Boot jar
 * (a class loader of its own) Kafka's {@code LZ4Factory.fastestInstance()} fell back to the pure Java "safe" codec,
 * which took 13 to 16 % of the service's CPU in the issue-3 benchmark. The raw producer it is measured against, on a
 * plain class path, compressed with the native codec. The service has one class loader, so loading it here is safe.
 */
final class Lz4Native {

    private static final Logger log = LoggerFactory.getLogger(Lz4Native.class);

    private Lz4Native() {
    }

    /**
     * Loads it, and logs the codec the producer will use.
     *
     * @return {@code LZ4Factory:JNI}, or the Java fallback's name when the native codec cannot load
     */
    static String load() {
        try {
            LZ4Factory.nativeInstance();
        } catch (Throwable unavailable) { // UnsatisfiedLinkError and the like: no native library for this platform
            log.warn("lz4's native codec did not load ({}); compressing with the Java one", unavailable.toString());
        }
        String codec = LZ4Factory.fastestInstance().toString();
        log.info("the producer compresses with lz4, codec {}", codec);
        return codec;
    }
}
