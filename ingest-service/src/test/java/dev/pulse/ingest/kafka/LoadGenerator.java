package dev.pulse.ingest.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ingest benchmark's load: keep-alive connections, each with one prepared request in flight at a time (no
 * pipelining), all driven by one thread through a selector. The generator shares the two cores with the service and
 * the broker, and real clients would not: a thread per connection cost 0.39 to 0.51 µs of CPU per event in blocking
 * reads, writes and wake-ups (2026-12-03), about a tenth of the machine during an HTTP pass. One selector thread
 * wakes once for every response that is ready, not once per connection. Responses must carry a
 * {@code Content-Length}, as the service's do.
 */
final class LoadGenerator {

    /** What one run gave: the latency of each request answered, those not answered 200, the elapsed time. */
    record Result(long[] latencyNanos, int notOk, double seconds) {
    }

    private static final byte[] HEADERS_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final List<byte[]> requests;
    private final int requestCount;
    private final long[] latencies;
    private int next;
    private int answered;
    private int notOk;

    private LoadGenerator(List<byte[]> requests, int requestCount) {
        this.requests = requests;
        this.requestCount = requestCount;
        this.latencies = new long[requestCount];
    }

    /**
     * Sends {@code requestCount} requests, taking {@code requests} in turn, over {@code connections} connections to
     * {@code localhost:port}; stops early, with what was answered, at {@code limit}.
     */
    static Result run(int port, List<byte[]> requests, int connections, int requestCount, Duration limit)
            throws IOException {
        LoadGenerator generator = new LoadGenerator(requests, requestCount);
        long start = System.nanoTime();
        generator.drive(port, connections, start + limit.toNanos());
        return new Result(Arrays.copyOf(generator.latencies, generator.answered), generator.notOk,
                (System.nanoTime() - start) / 1e9);
    }

    /** One connection and the exchange in flight on it. */
    private final class Connection {
        final SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        ByteBuffer out;
        int request;
        long sentAt;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        /** Starts the next request, if any is left; false when none is. */
        boolean start(SelectionKey key, long deadline) throws IOException {
            if (next >= requestCount || System.nanoTime() >= deadline) {
                return false;
            }
            request = next++;
            out = ByteBuffer.wrap(requests.get(request % requests.size()));
            sentAt = System.nanoTime();
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            return true;
        }

        void write(SelectionKey key) throws IOException {
            channel.write(out);
            if (!out.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ);
            }
        }

        /** Reads what arrived; true once the whole response is in, which is then recorded. */
        boolean read() throws IOException {
            if (channel.read(in) < 0) {
                throw new IOException("the service closed a connection after request " + request);
            }
            int headersEnd = indexOf(in, HEADERS_END);
            if (headersEnd < 0) {
                return false;
            }
            int bodyStart = headersEnd + HEADERS_END.length;
            if (in.position() < bodyStart + contentLength(in, headersEnd)) {
                return false;
            }
            latencies[answered++] = System.nanoTime() - sentAt;
            // "HTTP/1.1 200 ...": the status is the three digits after the first space
            if (in.get(9) != '2' || in.get(10) != '0' || in.get(11) != '0') {
                notOk++;
            }
            in.clear();
            return true;
        }
    }

    private void drive(int port, int connections, long deadline) throws IOException {
        List<SocketChannel> channels = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            int open = 0;
            for (int c = 0; c < connections; c++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress("localhost", port));
                channels.add(channel);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                Connection connection = new Connection(channel);
                SelectionKey key = channel.register(selector, 0, connection);
                if (connection.start(key, deadline)) {
                    open++;
                }
            }
            while (open > 0) {
                if (selector.select(1_000) == 0 && System.nanoTime() > deadline + Duration.ofSeconds(30).toNanos()) {
                    throw new IOException(open + " requests unanswered 30 s after the time limit");
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    if (key.isWritable()) {
                        connection.write(key);
                    } else if (key.isReadable() && connection.read() && !connection.start(key, deadline)) {
                        key.cancel();
                        open--;
                    }
                }
                selector.selectedKeys().clear();
            }
        } finally {
            for (SocketChannel channel : channels) {
                channel.close();
            }
        }
    }

    /** The offset of {@code what} in the bytes read so far, or -1. */
    private static int indexOf(ByteBuffer buffer, byte[] what) {
        byte[] bytes = buffer.array();
        for (int i = 0; i + what.length <= buffer.position(); i++) {
            if (Arrays.equals(bytes, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return -1;
    }

    /** The {@code Content-Length} among the headers, which end at {@code headersEnd}. */
    private static int contentLength(ByteBuffer buffer, int headersEnd) throws IOException {
        byte[] bytes = buffer.array();
        for (int line = 0; line < headersEnd; ) {
            int lineEnd = line;
            while (lineEnd < headersEnd && bytes[lineEnd] != '\r') {
                lineEnd++;
            }
            if (lineEnd - line > CONTENT_LENGTH.length && startsWithIgnoringCase(bytes, line, CONTENT_LENGTH)) {
                String value = new String(bytes, line + CONTENT_LENGTH.length, lineEnd - line - CONTENT_LENGTH.length,
                        StandardCharsets.US_ASCII);
                return Integer.parseInt(value.trim());
            }
            line = lineEnd + 2;
        }
        throw new IOException("a response without Content-Length: "
                + new String(bytes, 0, headersEnd, StandardCharsets.US_ASCII));
    }

    private static boolean startsWithIgnoringCase(byte[] bytes, int from, byte[] lowerCase) {
        for (int i = 0; i < lowerCase.length; i++) {
            byte b = bytes[from + i];
            if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }
}
