package dev.pulse.ingest.kafka;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that posts prepared requests and reads the status. The benchmark's load
 * generator shares two cores with the service, so it must cost as little CPU as possible.
 */
final class MiniHttpClient implements AutoCloseable {

    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    MiniHttpClient(int port) throws IOException {
        this.port = port;
        connect();
    }

    private void connect() throws IOException {
        socket = new Socket("localhost", port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    static byte[] request(String path, String authorization, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /** Sends one prepared request and returns the response's status code, after reading the whole response. */
    int post(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String status = line();
        int contentLength = 0;
        boolean chunked = false;
        boolean close = false;
        for (String header; !(header = line()).isEmpty(); ) {
            String lower = header.toLowerCase();
            close |= lower.startsWith("connection:") && lower.contains("close");
            if (lower.startsWith("content-length:")) {
                contentLength = Integer.parseInt(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (int size; (size = Integer.parseInt(line().trim(), 16)) > 0; ) {
                skip(size);
                line();
            }
            line();
        } else {
            skip(contentLength);
        }
        if (close) {
            socket.close();
            connect();
        }
        return Integer.parseInt(status.substring(9, 12));
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

    private void skip(int bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() == -1) {
                    throw new IOException("connection closed");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
