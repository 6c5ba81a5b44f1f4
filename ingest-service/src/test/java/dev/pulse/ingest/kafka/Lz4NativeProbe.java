package dev.pulse.ingest.kafka;

import net.jpountz.lz4.LZ4Factory;

/** Run inside the service's Spring Boot jar by {@link Lz4NativeInJarIT}: prints the lz4 codec before and after. */
public final class Lz4NativeProbe {

    private Lz4NativeProbe() {
    }

    public static void main(String[] args) {
        System.out.println("before " + LZ4Factory.fastestInstance());
        System.out.println("after " + Lz4Native.load());
    }
}
