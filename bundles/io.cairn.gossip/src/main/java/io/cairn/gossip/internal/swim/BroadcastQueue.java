package io.cairn.gossip.internal.swim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The broadcasts waiting to be piggybacked on gossip, each sent a limited number of times. The least sent go
 * first (newest first among equals), so fresh news spreads before old news is repeated. A broadcast queued with
 * the key of a waiting one replaces it (a newer state of the same member makes the older one moot). At most
 * {@code capacity} wait; beyond it the most retransmitted are dropped. Not thread-safe.
 */
final class BroadcastQueue {
    /** The smallest message worth looking for once a packet is nearly full. */
    private static final int SMALLEST_MESSAGE_BYTES = 12;

    private final int capacity;
    private final TreeSet<Item> order = new TreeSet<>((a, b) -> a.transmits != b.transmits
            ? Integer.compare(a.transmits, b.transmits) : Long.compare(b.id, a.id));
    private final Map<String, Item> byKey = new HashMap<>();
    private long nextId;

    private static final class Item {
        final String key;
        final byte[] message;
        final long id;
        final Runnable done;
        int transmits;

        Item(String key, byte[] message, long id, Runnable done) {
            this.key = key;
            this.message = message;
            this.id = id;
            this.done = done;
        }
    }

    BroadcastQueue(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Queues an encoded message.
     *
     * @param key  what it is about; a waiting broadcast with the same key is dropped
     * @param done run once the broadcast has been sent its last time, was replaced, or was dropped (may be null)
     */
    void add(String key, byte[] message, Runnable done) {
        Item previous = byKey.remove(key);
        if (previous != null) {
            order.remove(previous);
            finish(previous);
        }
        Item item = new Item(key, message, nextId++, done);
        byKey.put(key, item);
        order.add(item);
        while (order.size() > capacity) {
            Item dropped = order.pollLast();
            byKey.remove(dropped.key);
            finish(dropped);
        }
    }

    /**
     * Takes the broadcasts that fit in {@code bytes}, counting {@code overhead} bytes for each, and counts one
     * transmission of each; those sent {@code retransmitLimit} times leave the queue.
     */
    List<byte[]> take(int bytes, int overhead, int retransmitLimit) {
        List<byte[]> taken = new ArrayList<>();
        List<Item> sent = new ArrayList<>();
        int remaining = bytes;
        for (Iterator<Item> it = order.iterator(); it.hasNext() && remaining >= overhead + SMALLEST_MESSAGE_BYTES
                && taken.size() < WireFormat.MAX_COMPOUND_PARTS;) {
            Item item = it.next();
            if (item.message.length + overhead <= remaining) {
                remaining -= item.message.length + overhead;
                taken.add(item.message);
                it.remove();
                sent.add(item);
            }
        }
        for (Item item : sent) {
            item.transmits++;
            if (item.transmits >= retransmitLimit) {
                byKey.remove(item.key);
                finish(item);
            } else {
                order.add(item);
            }
        }
        return taken;
    }

    /** How many broadcasts wait. */
    int size() {
        return order.size();
    }

    /** Drops every waiting broadcast. */
    void clear() {
        List<Item> items = new ArrayList<>(order);
        order.clear();
        byKey.clear();
        items.forEach(BroadcastQueue::finish);
    }

    private static void finish(Item item) {
        if (item.done != null) {
            item.done.run();
        }
    }
}
