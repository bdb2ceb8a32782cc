package org.jwmi.cli;

import java.io.PrintStream;

/** A count of objects received, redrawn on standard error at most every 200 ms; silent when stderr is no terminal. */
final class Progress implements AutoCloseable {
    private final PrintStream err;
    private final boolean on;
    private long count;
    private long lastDraw;
    private boolean drawn;

    Progress(PrintStream err, boolean on) {
        this.err = err;
        this.on = on;
    }

    void tick() {
        count++;
        if (!on) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw > 200_000_000L) {
            lastDraw = now;
            err.print("\r" + count + " objects received…");
            err.flush();
            drawn = true;
        }
    }

    @Override
    public void close() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
