package org.ofdft.functionals.io;

import java.io.IOException;

/**
 * An input file that cannot be read as its format requires: truncated, garbled, or inconsistent. The
 * message starts with {@code file:line:} (line numbers from 1) so that editors and terminals can jump to
 * the place; {@link #line()} is 0 when the problem concerns the file as a whole.
 */
public final class InputFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public InputFileException(String source, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public InputFileException(String source, int line, String problem, Throwable cause) {
        this(source, line, problem);
        initCause(cause);
    }

    /** The file (as named by the caller). */
    public String source() {
        return source;
    }

    /** The 1-based line number, or 0 if none applies. */
    public int line() {
        return line;
    }
}
