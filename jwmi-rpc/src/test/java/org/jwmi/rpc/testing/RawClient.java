package org.jwmi.rpc.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.jwmi.rpc.pdu.FrameReader;
import org.jwmi.rpc.pdu.Pdu;
import org.jwmi.rpc.server.RpcServer;

/** A socket that speaks raw PDUs, for negative tests against the server. */
public final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawClient(RpcServer server) {
        try {
            socket = new Socket("127.0.0.1", server.port());
            socket.setSoTimeout(3000);
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RawClient send(byte[] b) {
        try {
            out.write(b);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public RawClient send(Pdu p) {
        return send(p.encode());
    }

    /** Half-closes the sending side: the server sees the end of the stream. */
    public RawClient shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public byte[] readRaw() {
        try {
            byte[] f = FrameReader.read(in, 65535, () -> { });
            if (f == null) {
                throw new AssertionError("connection closed instead of a PDU");
            }
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public <T extends Pdu> T read(Class<T> type) {
        Pdu p = Pdu.decode(readRaw());
        if (!type.isInstance(p)) {
            throw new AssertionError("expected " + type.getSimpleName() + ", got " + p);
        }
        return (T) p;
    }

    /** Whether the server closed the connection (reads EOF, possibly after PDUs that are skipped). */
    public boolean closedByServer() {
        try {
            byte[] buf = new byte[4096];
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** True if nothing arrives within {@code millis} and the connection is still open. */
    public boolean silentFor(int millis) {
        try {
            socket.setSoTimeout(millis);
            int b = in.read();
            socket.setSoTimeout(3000);
            if (b >= 0) {
                throw new AssertionError("unexpected data");
            }
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
