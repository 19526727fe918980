package org.ofdft.ml.model;

import java.io.IOException;

/** A model file that cannot be read: foreign, of another format version, corrupted or inconsistent. */
public final class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
