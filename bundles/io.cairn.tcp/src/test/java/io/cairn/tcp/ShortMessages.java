package io.cairn.tcp;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The simplest protocol with real framing, for the listener's tests: a request is one length byte (1 to 255) and
 * that many bytes; the answer is framed the same way.
 */
final class ShortMessages implements Protocol<ShortMessages.Message> {

    static final class Message implements Frame {
        private final ByteBuffer length = ByteBuffer.allocate(1);
        private ByteBuffer body;

        @Override
        public ByteBuffer room() {
            return body == null ? length : body;
        }

        @Override
        public boolean received() throws IOException {
            if (body == null) {
                if (length.hasRemaining()) {
                    return false;
                }
                int n = length.get(0) & 0xff;
                if (n == 0) {
                    throw new IOException("sent a message of length 0");
                }
                body = ByteBuffer.allocate(n);
                return false;
            }
            return !body.hasRemaining();
        }

        String text() {
            return new String(body.array(), StandardCharsets.UTF_8);
        }
    }

    private final Function<String, CompletionStage<Optional<ByteBuffer>>> answer;

    ShortMessages(Function<String, CompletionStage<Optional<ByteBuffer>>> answer) {
        this.answer = answer;
    }

    /** Answers each request with itself in upper case. */
    static ShortMessages echo() {
        return new ShortMessages(ShortMessages::upperCase);
    }

    static CompletionStage<Optional<ByteBuffer>> upperCase(String text) {
        return CompletableFuture.completedFuture(Optional.of(ByteBuffer.wrap(wire(text.toUpperCase()))));
    }

    @Override
    public Message newRequest() {
        return new Message();
    }

    @Override
    public CompletionStage<Optional<ByteBuffer>> answer(Message request) {
        return answer.apply(request.text());
    }

    static byte[] wire(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] wire = new byte[body.length + 1];
        wire[0] = (byte) body.length;
        System.arraycopy(body, 0, wire, 1, body.length);
        return wire;
    }

    /** Sends a request on {@code s} and reads its answer. */
    static String ask(Socket s, String text) throws IOException {
        s.getOutputStream().write(wire(text));
        return read(s);
    }

    static String read(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        byte[] body = new byte[in.readUnsignedByte()];
        in.readFully(body);
        return new String(body, StandardCharsets.UTF_8);
    }
}
