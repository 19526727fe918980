package org.ofdft.grids.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary file in the same directory that is then moved over the target
 * atomically: a reader never sees a half-written file, and a failure leaves no file behind.
 */
public final class AtomicFile {

    /** Something that writes a whole file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path file, Content content) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            // Temporary files are created owner-only; results are ordinary files (rw-r--r--).
            if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temporary, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Something that fills a whole directory with files. */
    @FunctionalInterface
    public interface DirectoryContent {
        void writeInto(Path directory) throws IOException;
    }

    /**
     * Fills a temporary sibling directory and then renames it to {@code directory}. An existing directory
     * of that name is first renamed aside and deleted only after the new one is in place, so at every
     * moment the name holds either the old complete content or the new complete content.
     */
    public static void writeDirectory(Path directory, DirectoryContent content) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IOException(absolute + " exists and is not a directory");
        }
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".");
        Path previous = null;
        try {
            content.writeInto(temporary);
            if (Files.exists(absolute)) {
                previous = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".old.");
                Files.delete(previous);
                Files.move(absolute, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(temporary);
            if (previous != null) {
                deleteTree(previous);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Writes a UTF-8 text file atomically. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
