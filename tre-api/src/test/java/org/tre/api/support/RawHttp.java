package org.tre.api.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket, for requests that java.net.http refuses to send (an encoded slash in a
 * path, a NUL, an overlong line, TRACE): the bytes go out exactly as written, and the answer is read by
 * its framing, so a server that answers before a body ends is heard.
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    public record Response(int status, Map<String, String> headers, byte[] body) {

        /** The header's value, by its case-insensitive name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return Dx.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + text(), e);
            }
        }

        public String errorType() {
            return json().path("error").path("type").asText(null);
        }

        public String errorMessage() {
            return json().path("error").path("message").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + text();
        }
    }

    /** A request line, header lines (without the final empty line) and a body, sent as one. */
    public Response send(String requestLine, String headers, String body) {
        String head = requestLine + "\r\n" + headers + (headers.isEmpty() ? "" : "\r\n") + "\r\n";
        return exchange(head.getBytes(StandardCharsets.ISO_8859_1), body.getBytes(StandardCharsets.UTF_8),
                requestLine.startsWith("HEAD "));
    }

    /** Sends the head, then body bytes, and reads one answer without closing the request's body first. */
    public Response exchange(byte[] head, byte[] body, boolean headRequest) {
        try (Open open = open(head)) {
            open.write(body);
            return open.answer(headRequest);
        }
    }

    /** A request whose head is sent and whose body the caller writes when it chooses. */
    public Open open(byte[] head) {
        try {
            Socket socket = new Socket("localhost", port);
            socket.setSoTimeout(30_000);
            Open open = new Open(socket);
            open.write(head);
            return open;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class Open implements AutoCloseable {

        private final Socket socket;

        private Open(Socket socket) {
            this.socket = socket;
        }

        public void write(byte[] bytes) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Response answer(boolean headRequest) {
            try {
                return read(new BufferedInputStream(socket.getInputStream()), headRequest);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Response read(InputStream in, boolean headRequest) throws IOException {
        while (true) {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new AssertionError("Not an HTTP status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.merge(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim(), (first, next) -> first + ", " + next);
            }
            if (status / 100 == 1) {
                continue;
            }
            byte[] body;
            if (headRequest || status == 204 || status == 304) {
                body = new byte[0];
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = chunks(in);
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else {
                body = in.readAllBytes();
            }
            return new Response(status, headers, body);
        }
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
             size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
            body.write(in.readNBytes(size));
            line(in);
        }
        for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
            // Trailers carry nothing these tests look at.
        }
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("The connection closed mid-answer after: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
