package org.jwmi.rpc.server;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * [MS-RPCE] 3.3.1.1.1 associations (C706 association groups): created by a bind with assoc_group_id 0, joined by
 * later binds naming the id from the same client IP address (3.3.1.5.7), dropped with their last connection.
 */
final class AssocGroups {

    private static final class Group {
        final InetAddress client;
        int connections;

        Group(InetAddress client) {
            this.client = client;
        }
    }

    private final Map<Integer, Group> groups = new HashMap<>();

    synchronized int create(InetAddress client, Random random) {
        int id;
        do {
            id = (random.nextInt() & 0x7fffff00) | 0x10;
        } while (groups.containsKey(id));
        Group g = new Group(client);
        g.connections = 1;
        groups.put(id, g);
        return id;
    }

    /** Joins an existing group; false when unknown or owned by another client address. */
    synchronized boolean join(int id, InetAddress client) {
        Group g = groups.get(id);
        if (g == null || !g.client.equals(client)) {
            return false;
        }
        g.connections++;
        return true;
    }

    synchronized void leave(int id) {
        Group g = groups.get(id);
        if (g != null && --g.connections <= 0) {
            groups.remove(id);
        }
    }
}
