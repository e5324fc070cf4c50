package io.cairn.gossip.internal.crypto;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.slf4j.LoggerFactory;

import io.cairn.gossip.internal.crypto.Sealer.Purpose;
import io.cairn.gossip.internal.transport.StreamClosedWithoutReplyException;
import io.cairn.gossip.internal.transport.Transport;

/**
 * Encrypts another transport: every datagram, stream request and stream reply is sealed with the keyring's
 * primary key on the way out and opened with any installed key on the way in. What no key opens is dropped and
 * logged with its sender ({@link DecryptionFailureLog}); a stream request that cannot be opened is closed without
 * a reply, so the requester fails. An exchange whose reply cannot be opened, or whose peer closed the stream
 * without a reply, fails with an {@link IOException} that says the keys may differ.
 */
public final class EncryptedTransport implements Transport {

    private final Transport inner;
    private final Sealer sealer;
    private final DecryptionFailureLog failures;

    public EncryptedTransport(Transport inner, Sealer sealer) {
        this(inner, sealer, new DecryptionFailureLog(LoggerFactory.getLogger(EncryptedTransport.class),
                System::nanoTime));
    }

    EncryptedTransport(Transport inner, Sealer sealer, DecryptionFailureLog failures) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.failures = failures;
    }

    @Override
    public InetSocketAddress localAddress() {
        return inner.localAddress();
    }

    /** What the inner transport takes, less what sealing adds. */
    @Override
    public int maxPacketBytes() {
        return inner.maxPacketBytes() - Sealer.OVERHEAD;
    }

    /** @throws IllegalArgumentException if the packet is longer than {@link #maxPacketBytes()} */
    @Override
    public void send(InetSocketAddress to, byte[] packet) {
        if (packet.length > maxPacketBytes()) {
            throw new IllegalArgumentException("An encrypted gossip datagram holds at most " + maxPacketBytes()
                    + " bytes, not " + packet.length);
        }
        inner.send(to, sealer.seal(packet, Purpose.DATAGRAM));
    }

    @Override
    public CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
        return inner.exchange(to, sealer.seal(request, Purpose.STREAM_REQUEST), timeout)
                .handle((reply, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        if (cause instanceof StreamClosedWithoutReplyException) {
                            throw new CompletionException(new IOException(cause.getMessage() + "; a peer does that"
                                    + " when it cannot decrypt the request: is the encrypt key the same on every agent?",
                                    cause));
                        }
                        throw new CompletionException(cause);
                    }
                    try {
                        return sealer.open(reply, Purpose.STREAM_REPLY);
                    } catch (GossipDecryptionException e) {
                        throw new CompletionException(new IOException("the reply from " + to + " could not be"
                                + " decrypted with any installed key; is the encrypt key the same on every agent?", e));
                    }
                });
    }

    @Override
    public void start(Receiver receiver) throws IOException {
        Objects.requireNonNull(receiver, "receiver");
        inner.start(new Receiver() {
            @Override
            public void packet(InetSocketAddress from, byte[] packet) {
                byte[] opened;
                try {
                    opened = sealer.open(packet, Purpose.DATAGRAM);
                } catch (GossipDecryptionException e) {
                    failures.failed(from, e);
                    return;
                }
                receiver.packet(from, opened);
            }

            @Override
            public byte[] exchange(InetSocketAddress from, byte[] request) throws IOException {
                byte[] opened;
                try {
                    opened = sealer.open(request, Purpose.STREAM_REQUEST);
                } catch (GossipDecryptionException e) {
                    failures.failed(from, e);
                    throw e;
                }
                return sealer.seal(receiver.exchange(from, opened), Purpose.STREAM_REPLY);
            }
        });
    }

    @Override
    public void close() {
        inner.close();
    }
}
