package dev.pulse.stack.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends one plain-text command over TCP and expects a reply starting with a given text: ZooKeeper's
 * {@code ruok}/{@code imok} and Redis's {@code PING}/{@code +PONG}.
 */
public final class LineProtocolHealth implements HealthCheck {

    private final int port;
    private final String command;
    private final String expectedReply;

    public LineProtocolHealth(int port, String command, String expectedReply) {
        this.port = port;
        this.command = command;
        this.expectedReply = expectedReply;
    }

    public static LineProtocolHealth zookeeper(int port) {
        return new LineProtocolHealth(port, "ruok", "imok");
    }

    public static LineProtocolHealth redis(int port) {
        return new LineProtocolHealth(port, "PING\r\n", "+PONG");
    }

    @Override
    public Health check() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 2000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(command.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[expectedReply.length()];
            int read = in.readNBytes(reply, 0, reply.length);
            String text = new String(reply, 0, read, StandardCharsets.US_ASCII);
            return text.equals(expectedReply) ? Health.up() : Health.down("answered '" + text.trim() + "'");
        } catch (IOException e) {
            return Health.down("no answer on port " + port);
        }
    }
}
