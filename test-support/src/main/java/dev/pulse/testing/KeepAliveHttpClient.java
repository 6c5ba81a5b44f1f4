package dev.pulse.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection for benchmarks: sends prepared requests and reads each whole response on the
 * calling thread. Benchmarks share two cores with what they measure, so the client must cost little CPU, and a
 * latency should be the server's: the JDK's {@code HttpClient} hands every exchange to its selector thread and back,
 * which on this machine added about 1 ms at p50 and 3 to 9 ms at p99 to a 0.5 ms answer (docs/benchmarks.md).
 * Not a general client: no redirects, no TLS, bodies read as they came (a gzip body stays gzipped).
 */
public final class KeepAliveHttpClient implements AutoCloseable {

    /** A response: its status and body as sent. */
    public record Response(int status, byte[] body) {
    }

    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    public KeepAliveHttpClient(int port) throws IOException {
        this.port = port;
        connect();
    }

    private void connect() throws IOException {
        socket = new Socket("localhost", port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    }

    /** The bytes of a request to send again and again; {@code body} null for a request without one. */
    public static byte[] request(String method, String path, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + (body == null ? 0 : body.length)];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        if (body != null) {
            System.arraycopy(body, 0, request, headBytes.length, body.length);
        }
        return request;
    }

    /** A JSON POST with an {@code Authorization} header. */
    public static byte[] post(String path, String authorization, byte[] body) {
        return request("POST", path, Map.of("Authorization", authorization, "Content-Type", "application/json"), body);
    }

    /** Sends one prepared request and reads its whole response. */
    public Response exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String status = line();
        int contentLength = 0;
        boolean chunked = false;
        boolean close = false;
        for (String header; !(header = line()).isEmpty(); ) {
            String lower = header.toLowerCase(Locale.ROOT);
            close |= lower.startsWith("connection:") && lower.contains("close");
            if (lower.startsWith("content-length:")) {
                contentLength = Integer.parseInt(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = chunked ? chunks() : in.readNBytes(contentLength);
        if (!chunked && body.length < contentLength) {
            throw new IOException("connection closed after " + body.length + " of " + contentLength + " bytes");
        }
        if (close) {
            // Tomcat closes a keep-alive connection after 100 requests by default
            socket.close();
            connect();
        }
        return new Response(Integer.parseInt(status.substring(9, 12)), body);
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size; (size = Integer.parseInt(line().trim(), 16)) > 0; ) {
            body.write(in.readNBytes(size));
            line();
        }
        line();
        return body.toByteArray();
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c == -1) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
