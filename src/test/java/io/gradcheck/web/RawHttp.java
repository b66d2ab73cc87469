package io.gradcheck.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** HTTP as bytes on a socket, for what a well-behaved client library refuses to send. */
final class RawHttp {

    private RawHttp() {
    }

    /** The status and body of the answer to {@code request} (a whole HTTP/1.1 message, Connection: close). */
    record Answer(int status, String head, String body) {
    }

    static Answer exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            bytes.write(chunk, 0, n);
        }
        String all = bytes.toString(StandardCharsets.UTF_8);
        int split = all.indexOf("\r\n\r\n");
        String head = split < 0 ? all : all.substring(0, split);
        String body = split < 0 ? "" : all.substring(split + 4);
        int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
        return new Answer(status, head, body);
    }
}
