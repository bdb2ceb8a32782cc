package org.jwmi.rpc.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.jwmi.rpc.pdu.FrameReader;

/**
 * A loopback TCP proxy in front of a server that cuts the client-to-server stream into fragments and lets a test
 * rewrite, drop or duplicate each one; the other direction is copied as is.
 */
public final class TamperProxy implements AutoCloseable {

    /** Decides what to forward for each client fragment (in order); may return several or none. */
    public interface Hook {
        List<byte[]> onClientFragment(int index, byte[] fragment);
    }

    private final ServerSocket listener;
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile Hook hook = (i, f) -> List.of(f);

    public TamperProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.listener = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        start("proxy-accept", this::acceptLoop);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void hook(Hook h) {
        this.hook = h;
    }

    public static Hook mapping(UnaryOperator<byte[]> f) {
        return (i, b) -> List.of(f.apply(b));
    }

    private void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                Hook h = hook;
                start("proxy-c2s", () -> pumpFragments(client, server, h));
                start("proxy-s2c", () -> pumpRaw(server, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pumpFragments(Socket from, Socket to, Hook h) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int i = 0;
            byte[] f;
            while ((f = FrameReader.read(in, 65535, () -> { })) != null) {
                for (byte[] x : h.onClientFragment(i++, f)) {
                    out.write(x);
                }
                out.flush();
            }
        } catch (IOException ignored) {
            // either side closed
        } finally {
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    private static void pumpRaw(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ignored) {
            // either side closed
        } finally {
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        for (Thread t : threads) {
            t.join(2000);
        }
    }
}
