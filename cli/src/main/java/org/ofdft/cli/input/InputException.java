package org.ofdft.cli.input;

/** A problem with an input file, reported as one line naming the file, and the line where known. */
public final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
