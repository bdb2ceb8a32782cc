package org.jwmi.client;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.client.DcomException;
import org.jwmi.dcom.ops.DcomStatus;

/**
 * Runs each blocking stage under its own deadline: the stage runs on a worker of a bounded pool and the caller
 * waits at most the stage's timeout. A stage that overruns leaves its worker blocked until the RPC layer's read
 * timeout (set to the longest stage) frees it; the caller gets a {@link WbemException} at once. When the pool is
 * saturated the caller runs the stage itself, bounded then by the read timeout alone.
 */
final class Stages implements AutoCloseable {
    private static final int MAX_WORKERS = 64;

    private final WbemTimeouts timeouts;
    private final ThreadPoolExecutor pool;

    Stages(WbemTimeouts timeouts, String threadPrefix) {
        this.timeouts = timeouts;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, MAX_WORKERS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, threadPrefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    WbemTimeouts timeouts() {
        return timeouts;
    }

    /** Runs {@code body} as {@code stage} of {@code what} with the stage's configured timeout. */
    <T> T run(WbemStage stage, String what, Callable<T> body) {
        return run(stage, timeouts.of(stage), what, body);
    }

    /**
     * Runs {@code body} as {@code stage} of {@code what}, waiting at most {@code timeout}. DCOM failures become
     * {@link WbemException}s naming the stage (a failed TCP connect is reported as {@link WbemStage#CONNECT}, a
     * failed ResolveOxid2 as {@link WbemStage#OXID_RESOLUTION}).
     */
    <T> T run(WbemStage stage, Duration timeout, String what, Callable<T> body) {
        Future<T> f;
        try {
            f = pool.submit(body);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("the WbemLocator is closed");
        }
        try {
            return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            int code = stage == WbemStage.CALL || stage == WbemStage.NEXT ? WbemStatus.WBEM_E_TIMED_OUT.code()
                    : DcomStatus.RPC_E_TIMEOUT.value();
            throw new WbemException(code, stage, what + " did not complete within " + timeout.toMillis()
                    + " ms during " + stage.label() + "; raise the " + stage.label() + " timeout (WbemTimeouts) if"
                    + " the server is just slow, else check that it is reachable", null);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new WbemException(WbemStatus.WBEM_E_CALL_CANCELLED.code(), stage, what + " was interrupted", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), stage, what);
        }
    }

    static RuntimeException translate(Throwable t, WbemStage stage, String what) {
        if (t instanceof WbemException w) {
            return w;
        }
        if (t instanceof DcomException d) {
            return WbemException.fromDcom(d, classify(d, stage), what);
        }
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new WbemException(WbemStatus.WBEM_E_FAILED.code(), stage, what + " failed: " + t, t);
    }

    /** The stage a DCOM failure belongs to, from what the runtime says about it. */
    static WbemStage classify(DcomException d, WbemStage stage) {
        String m = String.valueOf(d.getMessage());
        if (d.hresult() == DcomStatus.RPC_S_SERVER_UNAVAILABLE.value() && m.contains("cannot reach")) {
            return m.contains("object resolver") || stage != WbemStage.ACTIVATION ? WbemStage.CONNECT : stage;
        }
        if (m.contains("ResolveOxid")) {
            return WbemStage.OXID_RESOLUTION;
        }
        return stage;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
