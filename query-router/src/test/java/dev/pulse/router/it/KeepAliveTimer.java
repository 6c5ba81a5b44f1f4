package dev.pulse.router.it;

import dev.pulse.testing.KeepAliveHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Times one request to a router over and over on one keep-alive connection, from sending it to its answer's last
 * byte, unpacked: the benchmark's latencies measure the router, not a client's thread hand-offs
 * ({@link KeepAliveHttpClient}). Accepts gzip as browsers do, and counts the unpacking, as a browser waits for it.
 */
final class KeepAliveTimer implements AutoCloseable {

    private final KeepAliveHttpClient client;
    private final byte[] request;

    private KeepAliveTimer(int port, byte[] request) throws IOException {
        this.client = new KeepAliveHttpClient(port);
        this.request = request;
    }

    static KeepAliveTimer post(RouterInstance router, String path, String token, String body) throws IOException {
        return new KeepAliveTimer(router.port(), postRequest(path, token, body));
    }

    /** A JSON POST as a browser's dashboard sends it (gzip accepted), for {@link KeepAliveHttpClient#exchange}. */
    static byte[] postRequest(String path, String token, String body) {
        return KeepAliveHttpClient.request("POST", path, headers(token, "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    static KeepAliveTimer get(RouterInstance router, String path, String token) throws IOException {
        return new KeepAliveTimer(router.port(), KeepAliveHttpClient.request("GET", path, headers(token, null), null));
    }

    private static Map<String, String> headers(String token, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Accept-Encoding", "gzip");
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return headers;
    }

    /** One call's time in microseconds; fails unless the answer is a 200 with a body. */
    long micros() throws IOException {
        long start = System.nanoTime();
        KeepAliveHttpClient.Response response = client.exchange(request);
        byte[] body = response.body();
        if (body.length > 1 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b) {
            try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = gzip.readAllBytes();
            }
        }
        long micros = (System.nanoTime() - start) / 1000;
        if (response.status() != 200 || body.length == 0) {
            throw new IllegalStateException("benchmark call failed (" + response.status() + "): "
                    + new String(body, StandardCharsets.UTF_8));
        }
        return micros;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
